using System.Xml.Linq;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Meetings;

namespace OrgTracker.Tests.Meetings;

/// <summary>Meeting texts chosen in code (types, statuses, attendance, post labels, rule messages, views) have their Hindi too.</summary>
public class MeetingHindiTests
{
    [Fact]
    public void Every_meeting_text_chosen_in_code_has_a_hindi_translation()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OrgTracker.sln"))) dir = dir.Parent;
        var hindi = XDocument.Load(Path.Combine(dir.FullName, "src/OrgTracker.Web/Resources/SharedResource.hi.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
        var keys = Enum.GetValues<MeetingType>().Select(MeetingText.TypeKey)
            .Concat(Enum.GetValues<MeetingStatus>().Select(MeetingText.StatusKey))
            .Concat(Enum.GetValues<AttendanceStatus>().Select(MeetingText.AttendanceKey))
            .Concat(Enum.GetValues<ActionItemStatus>().Select(MeetingText.ActionStatusKey))
            .Concat(MeetingText.PostCodes.Select(p => p.Key))
            .Concat(MeetingText.Messages)
            .Concat(ActionsModel.Views.Select(ActionsModel.ViewKey));
        var missing = keys.Where(k => !hindi.Contains(k)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing Hindi for: " + string.Join(" | ", missing));
    }
}
