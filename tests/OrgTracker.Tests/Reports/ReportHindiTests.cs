using System.Reflection;
using System.Xml.Linq;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Reports;

namespace OrgTracker.Tests.Reports;

/// <summary>Report texts chosen in code (statuses, indicators, rules, notices) have their Hindi too.</summary>
public class ReportHindiTests
{
    [Fact]
    public void Every_report_text_chosen_in_code_has_a_hindi_translation()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OrgTracker.sln"))) dir = dir.Parent;
        var hindi = XDocument.Load(Path.Combine(dir.FullName, "src/OrgTracker.Web/Resources/SharedResource.hi.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
        var keys = Enum.GetValues<ReportStatus>().Select(ReportText.StatusKey)
            .Concat(Enum.GetValues<ReportEventKind>().Select(ReportText.EventKey))
            .Concat(ReportIndicators.Defaults.Select(i => i.Label))
            .Concat(IndexModel.Filters.Select(IndexModel.FilterKey))
            .Concat(Constants(typeof(ReportRules)))
            .Concat(Constants(typeof(ReportNotices)));
        var missing = keys.Where(k => !hindi.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing Hindi for: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> Constants(Type t) =>
        t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!);
}
