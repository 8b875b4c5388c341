using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Authorization;

/// <summary>Role × capability, written out from what the application allowed before the table existed.</summary>
public class CapabilityTableTests
{
    private const string A = Roles.Administrator, Sic = Roles.StateInCharge, So = Roles.StateOffice, Dic = Roles.DivisionInCharge, Dp = Roles.DistrictPresident;

    private static readonly Dictionary<Capability, string[]> Expected = new()
    {
        [Capability.ReadRecords] = [A, Sic, So, Dic, Dp],
        [Capability.ChangeRecords] = [Sic, So, Dp],
        [Capability.ApproveReports] = [Sic],
        [Capability.ManageTerritory] = [Sic, So],
        [Capability.ManageUsers] = [A],
        [Capability.ViewAudit] = [A],
        [Capability.KeepOfficeBearers] = [Sic, So, Dp],
        [Capability.RecordMeetings] = [Sic, So, Dp],
        [Capability.WriteReports] = [So, Dp],
        [Capability.ReportOnBehalf] = [So],
        [Capability.OverseeReports] = [A, Sic, So, Dic],
        [Capability.RunDrives] = [Sic, So],
        [Capability.EnrolMembers] = [Sic, So, Dp],
        [Capability.SetBlockTargets] = [Sic, So, Dp],
        [Capability.IssueDirectives] = [Sic, So, Dp],
        [Capability.AnswerDirectives] = [Dp],
        [Capability.RunCampaign] = [Sic, So],
    };

    [Fact]
    public void Every_capability_has_exactly_one_row_in_the_table() =>
        Assert.Equal(Enum.GetValues<Capability>().Order(), Capabilities.Table.Select(r => r.Capability).Order());

    [Fact]
    public void Each_role_holds_exactly_the_expected_capabilities()
    {
        foreach (var capability in Enum.GetValues<Capability>())
            foreach (var role in Roles.All)
                Assert.True(Expected[capability].Contains(role) == Capabilities.Has(role, capability), $"{role} × {capability}");
        Assert.False(Capabilities.Has(null, Capability.ReadRecords));
    }

    [Fact]
    public void Each_capability_is_registered_as_a_policy_requiring_its_roles()
    {
        var options = new AuthorizationOptions();
        Policies.Add(options);
        foreach (var capability in Enum.GetValues<Capability>())
        {
            var policy = options.GetPolicy(capability.Policy());
            Assert.NotNull(policy);
            var roles = Assert.Single(policy.Requirements.OfType<RolesAuthorizationRequirement>()).AllowedRoles;
            Assert.Equal(Expected[capability].Order(), roles.Order());
        }
    }
}
