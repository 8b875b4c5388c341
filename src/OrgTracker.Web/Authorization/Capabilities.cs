using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Authorization;

/// <summary>
/// What a role may do. A capability says which kind of work a role does; where it may do it is the user's
/// territory scope, checked per record by <see cref="TerritoryAuthorizationHandler"/> (and by <c>InScope</c> on
/// every list). The roles holding each capability are <see cref="Capabilities.Table"/>.
/// </summary>
public enum Capability
{
    /// <summary>Read records inside the user's territory (the handler's Read).</summary>
    ReadRecords,
    /// <summary>Create, change and delete records inside the user's territory (the handler's Create, Update, Delete).</summary>
    ChangeRecords,
    /// <summary>Accept or return a submitted report (the handler's Approve).</summary>
    ApproveReports,
    /// <summary>Keep the hierarchy: add and edit blocks, wards and booths, import booths.</summary>
    ManageTerritory,
    /// <summary>Create, edit, lock and reset the users of their state.</summary>
    ManageUsers,
    /// <summary>Read the audit trail of their state.</summary>
    ViewAudit,
    /// <summary>Appoint, end, transfer and flag office-bearers; form and dissolve committees.</summary>
    KeepOfficeBearers,
    /// <summary>Schedule and record meetings and programmes: attendance, invitees, decisions, action items, photos.</summary>
    RecordMeetings,
    /// <summary>Enter, submit and amend a district's monthly report.</summary>
    WriteReports,
    /// <summary>Write a district's report on its behalf (marked so in the report's history).</summary>
    ReportOnBehalf,
    /// <summary>Follow the districts' reports: the review queue and the ranking.</summary>
    OverseeReports,
    /// <summary>Open and edit membership drives, set district targets, verify members.</summary>
    RunDrives,
    /// <summary>Enrol members and import membership forms.</summary>
    EnrolMembers,
    /// <summary>Set the block targets of a district in a drive.</summary>
    SetBlockTargets,
    /// <summary>Issue directives: a state's to its districts, a district's to its blocks; cascade a district's directive to its blocks.</summary>
    IssueDirectives,
    /// <summary>Acknowledge a directive sent to their unit and report its compliance (for a district: also for its blocks).</summary>
    AnswerDirectives,
    /// <summary>Run the Sangathan Srijan campaign: assign observers, log consultations, keep and read the confidential panels, appoint district presidents.</summary>
    RunCampaign,
}

/// <summary>One row of the authorization spec: a capability, what it means, and the roles that hold it.</summary>
public sealed record CapabilityRule(Capability Capability, string Meaning, IReadOnlyList<string> Roles);

/// <summary>
/// The authorization spec: which roles hold which capability. It is the only place that names roles in a rule.
/// Read by the per-record handler (<see cref="ForOperation"/>), by the policy registration (one policy per
/// capability, <see cref="AddPolicies"/>, used by the page conventions in <c>Startup</c>) and by the pages and
/// views deciding what to offer (<see cref="CapabilityUser.Can"/>). docs/authorization.md prints it.
/// <list type="table">
/// <listheader><term>role</term><description>capabilities</description></listheader>
/// <item><term>Administrator</term><description>read, manage users, audit trail, oversee reports; changes no data</description></item>
/// <item><term>State in-charge</term><description>everything but writing reports and users: approves reports</description></item>
/// <item><term>State office</term><description>everything but approving and users: writes reports on behalf of districts</description></item>
/// <item><term>Division in-charge</term><description>read and oversee reports</description></item>
/// <item><term>District president</term><description>changes the records of their district, writes its report</description></item>
/// </list>
/// </summary>
public static class Capabilities
{
    private static readonly string[] Everyone = [Roles.Administrator, Roles.StateInCharge, Roles.StateOffice, Roles.DivisionInCharge, Roles.DistrictPresident];
    private static readonly string[] Writers = [Roles.StateInCharge, Roles.StateOffice, Roles.DistrictPresident];
    private static readonly string[] StateStaff = [Roles.StateInCharge, Roles.StateOffice];

    /// <summary>The table, one row per capability.</summary>
    public static readonly IReadOnlyList<CapabilityRule> Table =
    [
        new(Capability.ReadRecords, "read records inside their territory", Everyone),
        new(Capability.ChangeRecords, "create, change and delete records inside their territory", Writers),
        new(Capability.ApproveReports, "accept or return submitted reports", [Roles.StateInCharge]),
        new(Capability.ManageTerritory, "add and edit blocks, wards and booths; import booths", StateStaff),
        new(Capability.ManageUsers, "manage the users of their state", [Roles.Administrator]),
        new(Capability.ViewAudit, "read the audit trail of their state", [Roles.Administrator]),
        new(Capability.KeepOfficeBearers, "appoint and end office-bearers, form committees", Writers),
        new(Capability.RecordMeetings, "schedule and record meetings and programmes", Writers),
        new(Capability.WriteReports, "enter, submit and amend a district's report", [Roles.DistrictPresident, Roles.StateOffice]),
        new(Capability.ReportOnBehalf, "write a district's report on its behalf", [Roles.StateOffice]),
        new(Capability.OverseeReports, "the review queue and the ranking of districts", [Roles.Administrator, Roles.StateInCharge, Roles.StateOffice, Roles.DivisionInCharge]),
        new(Capability.RunDrives, "open and edit membership drives, set district targets, verify members", StateStaff),
        new(Capability.EnrolMembers, "enrol members and import membership forms", Writers),
        new(Capability.SetBlockTargets, "set the block targets of a district", Writers),
        new(Capability.IssueDirectives, "issue directives to the units below (state: districts; district: blocks), cascade them to blocks", Writers),
        new(Capability.AnswerDirectives, "acknowledge and answer the directives sent to their district and its blocks", [Roles.DistrictPresident]),
        new(Capability.RunCampaign, "run the Sangathan Srijan campaign of their state: observers, consultations, the confidential panels, appointing district presidents", StateStaff),
    ];

    private static readonly Dictionary<Capability, string[]> ByCapability =
        Table.ToDictionary(r => r.Capability, r => r.Roles.ToArray());

    /// <summary>The roles holding a capability.</summary>
    public static IReadOnlyList<string> RolesWith(Capability capability) => ByCapability[capability];

    /// <summary>True when the role holds the capability.</summary>
    public static bool Has(string? role, Capability capability) => role is not null && ByCapability[capability].Contains(role);

    /// <summary>The capability a per-record operation (<see cref="Operations"/>) needs; null for an unknown operation.</summary>
    public static Capability? ForOperation(string operation) => operation switch
    {
        nameof(Operations.Read) => Capability.ReadRecords,
        nameof(Operations.Create) or nameof(Operations.Update) or nameof(Operations.Delete) => Capability.ChangeRecords,
        nameof(Operations.Approve) => Capability.ApproveReports,
        _ => null,
    };

    /// <summary>The name of the capability's policy.</summary>
    public static string Policy(this Capability capability) => "Can" + capability;

    /// <summary>One policy per capability, requiring one of its roles.</summary>
    public static void AddPolicies(AuthorizationOptions options)
    {
        foreach (var rule in Table)
            options.AddPolicy(rule.Capability.Policy(), p => p.RequireRole(rule.Roles));
    }
}

/// <summary>Asking the signed-in user about a capability, in page models and views: <c>User.Can(Capability.RunDrives)</c>.</summary>
public static class CapabilityUser
{
    /// <summary>True when the user holds one of the capability's roles (what its policy requires).</summary>
    public static bool Can(this ClaimsPrincipal user, Capability capability) =>
        Capabilities.RolesWith(capability).Any(user.IsInRole);
}
