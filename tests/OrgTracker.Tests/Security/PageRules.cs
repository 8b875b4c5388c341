using OrgTracker.Web.Domain;

namespace OrgTracker.Tests.Security;

/// <summary>Who may pass a handler, for a role (null: anonymous) and where the record lies.</summary>
public delegate bool Access(string? role, Target target);

/// <summary>
/// The explicit authorization policy of every page handler: how to address a record of a given territory
/// (URL templates with placeholders filled from <see cref="ProbeWorld"/>), and who may pass. A page handler the
/// application serves without a rule here fails <see cref="AuthorizationMatrixTests"/>: every new page states its
/// policy in this file.
/// </summary>
public static class PageRules
{
    /// <summary>One handler, addressed by one or more URLs; <see cref="EndsSession"/> probes use a throw-away sign-in.</summary>
    public sealed record Rule(string Page, string Verb, string? Handler, string Policy, Access Access, string[] Urls, bool EndsSession = false)
    {
        public string Key => new PageHandler(Page, Verb, Handler).Key;
    }

    /// <summary>True when the demo user of the role has the target in their territory scope.</summary>
    public static bool InScope(string role, Target target) => target == Target.None || Roles.ScopeLevel(role) switch
    {
        TerritoryLevel.State => target != Target.OtherState,
        TerritoryLevel.Division => target is Target.Own or Target.Sibling or Target.Parent,
        _ => target == Target.Own,
    };

    private static bool Is(string? role, params string[] roles) => role is not null && roles.Contains(role);

    // The policies, named as docs/authorization.md names them.
    public static readonly (string Name, Access Access)[] Policies =
    [
        ("anyone", (_, _) => true),
        ("signed in", (r, _) => r is not null),
        ("read in scope", (r, t) => r is not null && InScope(r, t)),
        ("write in scope", (r, t) => Is(r, Roles.StateInCharge, Roles.StateOffice, Roles.DistrictPresident) && InScope(r!, t)),
        ("manage territory", (r, t) => Is(r, Roles.StateInCharge, Roles.StateOffice) && InScope(r!, t)),
        ("approve in scope", (r, t) => Is(r, Roles.StateInCharge) && InScope(r!, t)),
        ("report author in scope", (r, t) => Is(r, Roles.DistrictPresident, Roles.StateOffice) && InScope(r!, t)),
        ("administration", (r, t) => Is(r, Roles.Administrator) && InScope(r!, t)),
        ("district users", (r, _) => Is(r, Roles.DistrictPresident)),
        ("state and division users", (r, _) => Is(r, Roles.Administrator, Roles.StateInCharge, Roles.StateOffice, Roles.DivisionInCharge)),
        ("writers", (r, _) => Is(r, Roles.StateInCharge, Roles.StateOffice, Roles.DistrictPresident)),
        ("nobody", (_, _) => false),
        // Membership drives are a state's: anyone of that state reads them; the rest of the rule decides what they see.
        ("drive readers", (r, t) => r is not null && t != Target.OtherState),
        ("drive writers", (r, t) => Is(r, Roles.StateInCharge, Roles.StateOffice, Roles.DistrictPresident) && t != Target.OtherState),
        ("drive managers", (r, t) => Is(r, Roles.StateInCharge, Roles.StateOffice) && t != Target.OtherState),
        // A directive is answered by the district president, for their district and its blocks.
        ("directive answerers", (r, t) => Is(r, Roles.DistrictPresident) && InScope(r!, t)),
        // Sangathan Srijan is run by the state's office: observers, consultations, the confidential panels, the appointment.
        ("campaign runners", (r, _) => Is(r, Roles.StateInCharge, Roles.StateOffice)),
        ("campaign runners in scope", (r, t) => Is(r, Roles.StateInCharge, Roles.StateOffice) && InScope(r!, t)),
    ];

    private static Rule R(string verb, string page, string? handler, string policy, params string[] urls) =>
        new(page, verb, handler, policy, Policies.Single(p => p.Name == policy).Access, urls);

    private static Rule Get(string page, string policy, params string[] urls) => R("GET", page, null, policy, urls);
    private static Rule Post(string page, string? handler, string policy, params string[] urls) => R("POST", page, handler, policy, urls);

    public static readonly Rule[] All =
    [
        // Account and infrastructure pages.
        Get("/Account/Login", "anyone", "/Account/Login"),
        Post("/Account/Login", null, "anyone", "/Account/Login"),
        Get("/Account/Logout", "signed in", "/Account/Logout"),
        Post("/Account/Logout", null, "signed in", "/Account/Logout") with { EndsSession = true },
        // The code step: without the password step's cookie it sends back to the login page.
        Get("/Account/LoginWith2fa", "anyone", "/Account/LoginWith2fa"),
        Post("/Account/LoginWith2fa", null, "anyone", "/Account/LoginWith2fa"),
        Post("/Account/LoginWith2fa", "Recovery", "anyone", "/Account/LoginWith2fa"),
        // The one-time set-up link of `setup`: the token in the link is the credential.
        Get("/Account/SetUp", "anyone", "/Account/SetUp"),
        Post("/Account/SetUp", null, "anyone", "/Account/SetUp"),
        // Every user manages their own two-factor sign-in.
        Get("/Account/EnableAuthenticator", "signed in", "/Account/EnableAuthenticator"),
        Post("/Account/EnableAuthenticator", null, "signed in", "/Account/EnableAuthenticator"),
        Get("/Account/TwoFactor", "signed in", "/Account/TwoFactor"),
        Post("/Account/TwoFactor", "RecoveryCodes", "signed in", "/Account/TwoFactor"),
        Post("/Account/TwoFactor", "Disable", "signed in", "/Account/TwoFactor"),
        // The page that a refusal is sent to answers 403 itself.
        Get("/Account/AccessDenied", "nobody", "/Account/AccessDenied"),
        Get("/Culture", "anyone", "/Culture"),
        Post("/Culture", null, "anyone", "/Culture?returnUrl=%2F"),
        Get("/Error", "anyone", "/Error?code=404"),
        Post("/Error", null, "anyone", "/Error?code=500"),
        Get("/Index", "signed in", "/"),

        // Territories.
        Get("/Territories/Index", "read in scope", "/Territories/{territory}", "/Territories/{block}", "/Territories/{booth}"),
        Get("/Territories/Constituencies", "signed in", "/Territories/Constituencies"),
        Get("/Territories/Constituencies", "read in scope", "/Territories/Constituencies?territory={territory}"),
        Get("/Territories/Edit", "manage territory", "/Territories/Edit?id={block}", "/Territories/Edit?id={booth}",
            "/Territories/Edit?parent={district}&level=Block", "/Territories/Edit?parent={block}&level=Booth"),
        Post("/Territories/Edit", null, "manage territory", "/Territories/Edit?id={block}", "/Territories/Edit?id={booth}",
            "/Territories/Edit?parent={district}&level=Block", "/Territories/Edit?parent={block}&level=Booth"),
        Get("/Territories/Import", "manage territory", "/Territories/Import"),
        R("GET", "/Territories/Import", "Sample", "manage territory", "/Territories/Import?handler=Sample"),
        Post("/Territories/Import", null, "manage territory", "/Territories/Import"),

        // Office-bearers.
        Get("/OfficeBearers/Territory", "read in scope", "/OfficeBearers/Territory/{territory}", "/OfficeBearers/Territory/{booth}"),
        Get("/OfficeBearers/Appointment", "read in scope", "/OfficeBearers/Appointment/{appointment}"),
        Post("/OfficeBearers/Appointment", "End", "write in scope", "/OfficeBearers/Appointment/{appointment}"),
        Post("/OfficeBearers/Appointment", "Inactive", "write in scope", "/OfficeBearers/Appointment/{appointment}"),
        Post("/OfficeBearers/Appointment", "Active", "write in scope", "/OfficeBearers/Appointment/{appointment}"),
        Post("/OfficeBearers/Appointment", "Transfer", "write in scope", "/OfficeBearers/Appointment/{appointment}"),
        Get("/OfficeBearers/Appoint", "write in scope", "/OfficeBearers/Appoint?territory={territory}",
            "/OfficeBearers/Appoint?territory={territory}&replace={appointment}", "/OfficeBearers/Appoint?territory={booth}"),
        Post("/OfficeBearers/Appoint", null, "write in scope", "/OfficeBearers/Appoint?territory={territory}",
            "/OfficeBearers/Appoint?territory={territory}&replace={appointment}"),
        Get("/OfficeBearers/Committee", "read in scope", "/OfficeBearers/Committee/{committee}", "/OfficeBearers/Committee?territory={territory}"),
        Post("/OfficeBearers/Committee", null, "write in scope", "/OfficeBearers/Committee?territory={territory}"),
        // Posting the formation form to an existing committee is refused to everyone.
        Post("/OfficeBearers/Committee", null, "nobody", "/OfficeBearers/Committee/{committee}"),
        Post("/OfficeBearers/Committee", "Dissolve", "write in scope", "/OfficeBearers/Committee/{committee}"),
        Get("/OfficeBearers/Coverage", "signed in", "/OfficeBearers/Coverage", "/OfficeBearers/Coverage?export=csv"),
        Get("/OfficeBearers/Coverage", "read in scope", "/OfficeBearers/Coverage?territory={territory}", "/OfficeBearers/Coverage?territory={block}&by=seats&export=xlsx"),
        Get("/OfficeBearers/Uncovered", "signed in", "/OfficeBearers/Uncovered"),
        Get("/OfficeBearers/Uncovered", "read in scope", "/OfficeBearers/Uncovered?territory={territory}", "/OfficeBearers/Uncovered?territory={block}&export=csv"),
        // Lists filter by the user's scope: a filter outside it shows nothing (checked by the sentinel search).
        Get("/OfficeBearers/Inactive", "signed in", "/OfficeBearers/Inactive", "/OfficeBearers/Inactive?district={district}&status=all",
            "/OfficeBearers/Inactive?export=csv&status=all"),

        Get("/OfficeBearers/Import", "writers", "/OfficeBearers/Import"),
        R("GET", "/OfficeBearers/Import", "Sample", "writers", "/OfficeBearers/Import?handler=Sample&format=csv"),
        Post("/OfficeBearers/Import", null, "writers", "/OfficeBearers/Import"),
        Get("/OfficeBearers/Training", "signed in", "/OfficeBearers/Training", "/OfficeBearers/Training?district={district}"),
        R("GET", "/OfficeBearers/Training", "Export", "signed in", "/OfficeBearers/Training?handler=Export&format=csv",
            "/OfficeBearers/Training?handler=Export&format=xlsx&district={district}"),

        // People.
        Get("/People/Index", "signed in", "/People/Index", "/People/Index?district={district}", "/People/Index?q=Sentinel"),
        Post("/People/Index", "Search", "signed in", "/People/Index"),
        Get("/People/Details", "read in scope", "/People/Details/{person}"),
        Post("/People/Details", "Training", "write in scope", "/People/Details/{person}"),
        // A home outside the user's scope is ignored: the form opens empty.
        Get("/People/Create", "writers", "/People/Create", "/People/Create?home={territory}"),
        Post("/People/Create", null, "writers", "/People/Create"),
        Post("/People/Create", "Places", "writers", "/People/Create"),
        Get("/People/Edit", "write in scope", "/People/Edit/{person}"),
        Post("/People/Edit", null, "write in scope", "/People/Edit/{person}"),
        Post("/People/Edit", "Places", "write in scope", "/People/Edit/{person}"),

        // Meetings: a meeting is seen inside its territory's scope (and by those of another area who were invited).
        Get("/Meetings/Index", "signed in", "/Meetings/Index", "/Meetings/Index?Filter.Territory={territory}", "/Meetings/Index?export=csv"),
        Get("/Meetings/Calendar", "signed in", "/Meetings/Calendar", "/Meetings/Calendar?Filter.Territory={territory}"),
        Get("/Meetings/Details", "read in scope", "/Meetings/Details/{meeting}"),
        Post("/Meetings/Details", "Decision", "write in scope", "/Meetings/Details/{meeting}"),
        Post("/Meetings/Details", "Action", "write in scope", "/Meetings/Details/{meeting}"),
        Post("/Meetings/Details", "Photos", "write in scope", "/Meetings/Details/{meeting}"),
        Get("/Meetings/Print", "read in scope", "/Meetings/Print/{meeting}"),
        Get("/Meetings/Photo", "read in scope", "/Meetings/Photo/{photo}", "/Meetings/Photo/{photo}?thumb=true"),
        Get("/Meetings/Edit", "write in scope", "/Meetings/Edit/{meeting}"),
        Post("/Meetings/Edit", null, "write in scope", "/Meetings/Edit/{meeting}"),
        // A new meeting: the form is for those who may record meetings; its territory is checked on saving.
        Get("/Meetings/Edit", "writers", "/Meetings/Edit", "/Meetings/Edit?territory={territory}"),
        Post("/Meetings/Edit", null, "writers", "/Meetings/Edit"),
        Get("/Meetings/Attendance", "write in scope", "/Meetings/Attendance/{meeting}"),
        Post("/Meetings/Attendance", null, "write in scope", "/Meetings/Attendance/{meeting}"),
        Get("/Meetings/Invite", "write in scope", "/Meetings/Invite/{meeting}"),
        Post("/Meetings/Invite", "Search", "write in scope", "/Meetings/Invite/{meeting}"),
        Post("/Meetings/Invite", "Rule", "write in scope", "/Meetings/Invite/{meeting}"),
        Post("/Meetings/Invite", "Person", "write in scope", "/Meetings/Invite/{meeting}"),
        Post("/Meetings/Invite", "Remove", "write in scope", "/Meetings/Invite/{meeting}"),
        Get("/Meetings/ActionItem", "read in scope", "/Meetings/ActionItem/{action}"),
        Post("/Meetings/ActionItem", null, "write in scope", "/Meetings/ActionItem/{action}"),
        Get("/Meetings/Actions", "signed in", "/Meetings/Actions", "/Meetings/Actions?show=all&territory={territory}", "/Meetings/Actions?show=overdue&export=csv"),
        Get("/Meetings/Absentees", "signed in", "/Meetings/Absentees", "/Meetings/Absentees?district={district}"),
        Get("/Meetings/Reviews", "signed in", "/Meetings/Reviews", "/Meetings/Reviews?division={division}", "/Meetings/Reviews?export=csv"),
        Get("/Meetings/Programme", "read in scope", "/Meetings/Programme/{programme}"),
        Get("/Meetings/NewProgramme", "writers", "/Meetings/NewProgramme"),
        Post("/Meetings/NewProgramme", null, "writers", "/Meetings/NewProgramme"),
        Get("/Meetings/Person", "read in scope", "/Meetings/Person/{person}"),

        // The dashboard of a territory (blocks and booths open their territory page).
        Get("/Dashboard/Index", "signed in", "/Dashboard"),
        Get("/Dashboard/Index", "read in scope", "/Dashboard/{territory}", "/Dashboard/{block}", "/Dashboard/{booth}"),
        Get("/About", "signed in", "/About"),
        // Where a resent submission whose first copy was saved but never answered is sent (Data/Idempotency.cs).
        Get("/AlreadySaved", "signed in", "/AlreadySaved"),

        // Reports.
        Get("/Reports/Index", "signed in", "/Reports/Index", "/Reports/Index?division={division}"),
        // The review queue and the ranking are for the state and the divisions; lists filter by scope.
        Get("/Reports/Queue", "state and division users", "/Reports/Queue"),
        Get("/Reports/Ranking", "state and division users", "/Reports/Ranking", "/Reports/Ranking?division={division}"),
        Get("/Reports/District", "read in scope", "/Reports/District/{district}"),
        // Without an id the page shows the district user's own district.
        Get("/Reports/District", "district users", "/Reports/District"),
        Get("/Reports/View", "read in scope", "/Reports/View/{report}"),
        Post("/Reports/View", "Accept", "approve in scope", "/Reports/View/{report}"),
        Post("/Reports/View", "Return", "approve in scope", "/Reports/View/{report}"),
        Post("/Reports/View", "Comment", "write in scope", "/Reports/View/{report}"),
        Post("/Reports/View", "Amend", "report author in scope", "/Reports/View/{report}"),
        Get("/Reports/Edit", "report author in scope", "/Reports/Edit?district={district}&period={period}"),
        Post("/Reports/Edit", "Save", "report author in scope", "/Reports/Edit?district={district}&period={period}"),
        Post("/Reports/Edit", "Submit", "report author in scope", "/Reports/Edit?district={district}&period={period}"),

        // Membership drives (drive ids are the target's state's drive; inside a drive every figure is filtered by scope).
        Get("/Membership/Index", "signed in", "/Membership/Index"),
        Get("/Membership/Drive", "manage territory", "/Membership/Drive"),
        Post("/Membership/Drive", null, "manage territory", "/Membership/Drive"),
        Get("/Membership/Drive", "drive managers", "/Membership/Drive/{drive}"),
        Post("/Membership/Drive", null, "drive managers", "/Membership/Drive/{drive}"),
        Get("/Membership/Enrol", "drive writers", "/Membership/Enrol/{drive}"),
        R("GET", "/Membership/Enrol", "Booths", "drive writers", "/Membership/Enrol/{drive}?handler=Booths&q=1"),
        Post("/Membership/Enrol", null, "drive writers", "/Membership/Enrol/{drive}"),
        Get("/Membership/Import", "drive writers", "/Membership/Import/{drive}"),
        R("GET", "/Membership/Import", "Template", "drive writers", "/Membership/Import/{drive}?handler=Template"),
        Post("/Membership/Import", null, "drive writers", "/Membership/Import/{drive}"),
        Get("/Membership/Members", "drive readers", "/Membership/Members/{drive}"),
        // Verifying one member: the drive is the state's, the member lies in the target district.
        Post("/Membership/Members", "Verify", "manage territory", "/Membership/Members/{drive}?handler=Verify&member={member}&to=Verified&version=0"),
        Post("/Membership/Members", "Search", "drive readers", "/Membership/Members/{drive}"),
        Post("/Membership/Members", "VerifySelected", "drive managers", "/Membership/Members/{drive}"),
        Get("/Membership/Progress", "drive readers", "/Membership/Progress/{drive}"),
        R("GET", "/Membership/Progress", "Export", "drive readers", "/Membership/Progress/{drive}?handler=Export&format=csv"),
        Get("/Membership/Targets", "drive managers", "/Membership/Targets/{drive}"),
        Post("/Membership/Targets", null, "drive managers", "/Membership/Targets/{drive}"),
        Post("/Membership/Targets", "Import", "drive managers", "/Membership/Targets/{drive}"),
        // An import job belongs to the territory of the user who started it.
        Get("/Membership/ImportJob", "read in scope", "/Membership/ImportJob/{importjob}"),
        R("GET", "/Membership/ImportJob", "Status", "read in scope", "/Membership/ImportJob/{importjob}?handler=Status"),
        R("GET", "/Membership/ImportJob", "Errors", "read in scope", "/Membership/ImportJob/{importjob}?handler=Errors"),
        Post("/Membership/ImportJob", "Cancel", "write in scope", "/Membership/ImportJob/{importjob}?handler=Cancel"),

        // Directives: a directive lies in its issuer's scope and is seen below it only by the units it was sent to
        // (each probe directive is the state's, sent to the target's district alone, with an answer and two files).
        Get("/Directives/Index", "signed in", "/Directives/Index", "/Directives/Index?p=2"),
        Get("/Directives/Grid", "signed in", "/Directives/Grid", "/Directives/Grid?export=csv"),
        Get("/Directives/Grid", "read in scope", "/Directives/Grid?territory={territory}", "/Directives/Grid?territory={block}&export=xlsx"),
        Get("/Directives/Issue", "writers", "/Directives/Issue"),
        Post("/Directives/Issue", null, "writers", "/Directives/Issue"),
        Get("/Directives/Details", "read in scope", "/Directives/Details/{directive}"),
        Get("/Directives/Answer", "read in scope", "/Directives/Answer/{directivetarget}"),
        Post("/Directives/Answer", "Acknowledge", "directive answerers", "/Directives/Answer/{directivetarget}"),
        Post("/Directives/Answer", "Answer", "directive answerers", "/Directives/Answer/{directivetarget}"),
        Get("/Directives/Cascade", "write in scope", "/Directives/Cascade/{directivetarget}"),
        Post("/Directives/Cascade", null, "write in scope", "/Directives/Cascade/{directivetarget}"),
        Get("/Directives/File", "read in scope", "/Directives/File/{directivefile}", "/Directives/File/{evidence}?thumb=true"),

        // Sangathan Srijan: the board and a district's stage, observers and consultations are read in scope; the panel
        // (candidates, one-to-one notes) is the state office's alone, 404 to everyone else (each probe district has
        // the marked person as observer and candidate).
        Get("/Srijan/Index", "signed in", "/Srijan/Index", "/Srijan/Index?export=csv", "/Srijan/Index?stage=Appointed&p=2&export=xlsx"),
        Post("/Srijan/Index", "Start", "campaign runners", "/Srijan/Index"),
        Get("/Srijan/District", "read in scope", "/Srijan/District/{srijan}"),
        Post("/Srijan/District", "AssignObserver", "campaign runners in scope", "/Srijan/District/{srijan}"),
        Post("/Srijan/District", "LinkConsultation", "campaign runners in scope", "/Srijan/District/{srijan}"),
        Get("/Srijan/Panel", "campaign runners in scope", "/Srijan/Panel/{srijan}"),
        Post("/Srijan/Panel", "AddCandidate", "campaign runners in scope", "/Srijan/Panel/{srijan}"),
        Post("/Srijan/Panel", "RemoveCandidate", "campaign runners in scope", "/Srijan/Panel/{srijan}"),
        Post("/Srijan/Panel", "Submit", "campaign runners in scope", "/Srijan/Panel/{srijan}"),
        Post("/Srijan/Panel", "OneToOne", "campaign runners in scope", "/Srijan/Panel/{srijan}"),
        Post("/Srijan/Panel", "Appoint", "campaign runners in scope", "/Srijan/Panel/{srijan}"),

        // The administrator's pages.
        Get("/Admin/Audit/Index", "administration", "/Admin/Audit/Index", "/Admin/Audit/Index?district={district}&what=Person",
            "/Admin/Audit/Index?who=sentinel&from=2000-01-01&to=2999-12-31"),
        Get("/Admin/Users/Index", "administration", "/Admin/Users/Index", "/Admin/Users/Index?q=Sentinel"),
        Get("/Admin/Users/Create", "administration", "/Admin/Users/Create"),
        Post("/Admin/Users/Create", null, "administration", "/Admin/Users/Create"),
        Get("/Admin/Users/Edit", "administration", "/Admin/Users/Edit/{user}"),
        Post("/Admin/Users/Edit", null, "administration", "/Admin/Users/Edit/{user}"),
        Post("/Admin/Users/Edit", "Lock", "administration", "/Admin/Users/Edit/{user}"),
        Post("/Admin/Users/Edit", "Unlock", "administration", "/Admin/Users/Edit/{user}"),
        Post("/Admin/Users/Edit", "SendLink", "administration", "/Admin/Users/Edit/{user}"),
    ];
}
