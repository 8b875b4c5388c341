using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OrgTracker.Tests.Infrastructure;

/// <summary>
/// What a browser would post from a page's forms: every field with its current value (the antiforgery token
/// included), once per distinct submit target (a form's action, or a button's formaction).
/// </summary>
public static class HtmlForms
{
    public sealed record Submission(string Action, IElement Form, Dictionary<string, string> Fields)
    {
        public Dictionary<string, string> With(Dictionary<string, string> overrides)
        {
            var fields = new Dictionary<string, string>(Fields);
            foreach (var (k, v) in overrides) fields[k] = v;
            return fields;
        }
    }

    public static async Task<IDocument> ParseAsync(string html) => await new HtmlParser().ParseDocumentAsync(html);

    /// <summary>Every POST submission of the page; <paramref name="pageUrl"/> is where a form without an action posts.</summary>
    public static List<Submission> Submissions(IDocument page, string pageUrl)
    {
        var result = new List<Submission>();
        foreach (var form in page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
        {
            var fields = Fields(form);
            var action = Decode(form.GetAttribute("action")) ?? pageUrl;
            var buttons = form.QuerySelectorAll("button, input[type=submit]")
                .Where(b => (b.GetAttribute("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase)).ToList();
            var targets = new List<(string Action, IElement? Button)>();
            foreach (var b in buttons) targets.Add((Decode(b.GetAttribute("formaction")) ?? action, b));
            if (targets.Count == 0) targets.Add((action, null));
            foreach (var (target, button) in targets.DistinctBy(t => (t.Action, t.Button?.GetAttribute("name"), t.Button?.GetAttribute("value"))))
            {
                var f = new Dictionary<string, string>(fields);
                if (button?.GetAttribute("name") is { Length: > 0 } name) f[name] = button.GetAttribute("value") ?? "";
                result.Add(new Submission(target, form, f));
            }
        }
        return result;
    }

    public static Dictionary<string, string> Fields(IElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var e in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = e.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || e.HasAttribute("disabled")) continue;
            switch (e)
            {
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "image" or "reset" or "file") continue;
                    if (type is "checkbox" or "radio")
                    {
                        if (input.HasAttribute("checked")) fields[name] = input.GetAttribute("value") ?? "on";
                        continue;
                    }
                    // A checkbox's hidden "false" must not replace the checkbox's own "true".
                    if (type == "hidden" && fields.ContainsKey(name)) continue;
                    fields[name] = input.GetAttribute("value") ?? "";
                    break;
                case IHtmlSelectElement select:
                    var option = select.QuerySelectorAll("option").FirstOrDefault(o => o.HasAttribute("selected")) ?? select.QuerySelector("option");
                    fields[name] = option is null ? "" : option.GetAttribute("value") ?? option.TextContent;
                    break;
                case IHtmlTextAreaElement area:
                    fields[name] = area.TextContent.StartsWith('\n') ? area.TextContent[1..] : area.TextContent;
                    break;
            }
        }
        return fields;
    }

    /// <summary>The text fields a person types into (not hidden, not choices).</summary>
    public static IEnumerable<string> TextFieldNames(IElement form) =>
        form.QuerySelectorAll("input, textarea")
            .Where(e => e is IHtmlTextAreaElement || (e.GetAttribute("type") ?? "text").ToLowerInvariant() is "text" or "search" or "email" or "tel" or "number" or "date" or "month" or "url")
            .Select(e => e.GetAttribute("name"))
            .Where(n => !string.IsNullOrEmpty(n))
            .Select(n => n!)
            .Distinct();

    // The parser has already decoded character references in attribute values.
    private static string? Decode(string? url) => string.IsNullOrEmpty(url) ? null : url;
}
