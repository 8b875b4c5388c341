using System.Text.RegularExpressions;
using System.Xml.Linq;
using OrgTracker.Web;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Localization;

/// <summary>Every string the interface shows through the localizer has its Hindi text.</summary>
public partial class HindiStringsTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrgTracker.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static Dictionary<string, string> Hindi() =>
        XDocument.Load(Path.Combine(RepoRoot(), "src/OrgTracker.Web/Resources/SharedResource.hi.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static IEnumerable<string> UsedKeys()
    {
        var src = Path.Combine(RepoRoot(), "src/OrgTracker.Web");
        var files = Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml") || f.EndsWith(".cs")) && !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/Data/"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerCall().Matches(text)) yield return Regex.Unescape(m.Groups[1].Value);
            foreach (Match m in AnnotationText().Matches(text)) yield return Regex.Unescape(m.Groups[2].Value);
            foreach (Match m in DomainMessage().Matches(text)) yield return Regex.Unescape(m.Groups[1].Value);
        }
        foreach (var role in Roles.All) yield return OrgTracker.Web.Localization.RoleKey(role);
        foreach (var end in Enum.GetValues<AppointmentEnd>()) yield return OrgTracker.Web.Pages.OfficeBearers.OfficeBearerQueries.EndReasonKey(end);
        foreach (var kind in Enum.GetValues<CommitteeKind>()) yield return OrgTracker.Web.Pages.OfficeBearers.OfficeBearerQueries.CommitteeKindKey(kind);
        foreach (var stage in Enum.GetValues<SrijanStage>()) yield return OrgTracker.Web.Pages.Srijan.SrijanQueries.StageKey(stage);
        foreach (var category in Enum.GetValues<SocialCategory>()) yield return OrgTracker.Web.Pages.Srijan.SrijanQueries.CategoryKey(category);
        foreach (var level in Enum.GetValues<ObserverLevel>()) yield return OrgTracker.Web.Pages.Srijan.SrijanQueries.ObserverLevelKey(level);
        foreach (var gender in Enum.GetValues<Gender>()) yield return OrgTracker.Web.Pages.Srijan.SrijanQueries.GenderKey(gender);
        foreach (var level in Enum.GetValues<TerritoryLevel>())
        {
            yield return OrgTracker.Web.Localization.LevelKey(level);
            yield return OrgTracker.Web.Localization.PluralKey(level);
        }
    }

    [Fact]
    public void Every_localized_string_has_a_hindi_translation()
    {
        var hindi = Hindi();
        var missing = UsedKeys().Distinct().Where(k => !hindi.ContainsKey(k)).OrderBy(k => k).ToList();
        Assert.True(missing.Count == 0, "Missing Hindi for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void No_two_keys_differ_only_in_case()
    {
        // The resource compiler drops such a key with only a warning, and its Hindi text never shows.
        var names = XDocument.Load(Path.Combine(RepoRoot(), "src/OrgTracker.Web/Resources/SharedResource.hi.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value);
        var clashes = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Keys that differ only in case:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void Hindi_translations_keep_their_placeholders()
    {
        var wrong = Hindi().Where(p => Placeholder().Matches(p.Key).Select(m => m.Value).Order()
            .SequenceEqual(Placeholder().Matches(p.Value).Select(m => m.Value).Order()) == false).Select(p => p.Key).ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Numbers_use_indian_grouping_and_dates_are_day_month_year()
    {
        foreach (var culture in Startup.Cultures)
        {
            Assert.Equal("12,34,567", 1234567.ToString("N0", culture));
            Assert.Equal("05-03-2026", new DateTime(2026, 3, 5).ToString("d", culture));
        }
    }

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex("""(ErrorMessage|Display\(Name) = "((?:[^"\\]|\\.)+)"[,)]""")]
    private static partial Regex AnnotationText();

    // Rule messages raised in the domain and in Appointing, shown through the localizer by the pages.
    [GeneratedRegex("""(?:DomainException\(|new\("\w*", )"((?:[^"\\]|\\.)+)"[,)]""")]
    private static partial Regex DomainMessage();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
