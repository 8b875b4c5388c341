using System.Xml.Linq;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Pages.Membership;

namespace OrgTracker.Tests.Membership;

/// <summary>The enum texts of the membership pages are looked up by key, not written as L["…"]: check their Hindi here.</summary>
public class MembershipTextTests
{
    [Fact]
    public void Every_membership_status_channel_gender_and_failure_text_has_hindi()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OrgTracker.sln"))) dir = dir.Parent;
        var hindi = XDocument.Load(Path.Combine(dir.FullName, "src/OrgTracker.Web/Resources/SharedResource.hi.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
        var keys = Enum.GetValues<DriveStatus>().Select(MembershipText.StatusKey)
            .Concat(Enum.GetValues<EnrolmentChannel>().Select(MembershipText.ChannelKey))
            .Concat(Enum.GetValues<Gender>().Select(MembershipText.GenderKey))
            .Concat(Enum.GetValues<Verification>().Select(MembershipText.VerificationKey))
            .Concat(Enum.GetValues<ImportStatus>().Select(MembershipText.ImportStatusKey))
            .Concat(new[] { ImportFailure.FileUnreadable, ImportFailure.DriveClosed, ImportFailure.GaveUp, null }.Select(MembershipText.FailureKey));
        var missing = keys.Where(k => !hindi.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing Hindi for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Resource_keys_differ_by_more_than_case()
    {
        // The resource compiler keeps one of two keys that differ only in case, so the other shows in English.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "OrgTracker.sln"))) dir = dir.Parent;
        var keys = XDocument.Load(Path.Combine(dir.FullName, "src/OrgTracker.Web/Resources/SharedResource.hi.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value);
        var clashes = keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Keys differing only in case: " + string.Join(", ", clashes));
    }
}
