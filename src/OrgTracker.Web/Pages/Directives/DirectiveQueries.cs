using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Directives;

/// <summary>One unit's standing on one directive, as lists, grids and exports show it.</summary>
public sealed record TargetRow(int Id, int DirectiveId, int TerritoryId, TerritoryLevel Level, string NameEn, string NameHi, int? DivisionId,
    int? ParentTargetId, DateTime? AcknowledgedUtc, ComplianceStatus? LatestStatus, DateTime? AnsweredUtc, DateOnly DueOn)
{
    public string Name => Localization.Pick(NameEn, NameHi);
    public bool Answered => LatestStatus is not null;
    public bool Overdue(DateOnly today) => Directive.IsOverdue(DueOn, LatestStatus, today);
    /// <summary>Red on every page: the unit has not answered, or the due date passed without "done".</summary>
    public bool Red(DateOnly today) => !Answered || Overdue(today);
}

/// <summary>A directive as lists show it.</summary>
public sealed record DirectiveRow(int Id, string? TextEn, string? TextHi, DateOnly DueOn, DateTime IssuedUtc, string IssuedByName, TerritoryLevel IssuedAtLevel)
{
    public string Text => Directive.Text(TextEn, TextHi);
    public string Short => DirectiveText.Shorten(Text, 90);
}

/// <summary>Directive lookups for the pages of this feature, always within the user's scope.</summary>
public static class DirectiveQueries
{
    /// <summary>
    /// The directives the user may see: those issued inside their scope (a state's by its users, a district's by the
    /// district), and those sent to a unit inside their scope. A district sees a state directive only when it was sent to it.
    /// </summary>
    public static IQueryable<Directive> Visible(this AppDbContext db, ClaimsPrincipal user)
    {
        if (UserScope.From(user) is not { } scope) return db.Directives.Where(_ => false);
        var targets = db.DirectiveTargets.InScope(user);
        return db.Directives.Where(scope.Filter<Directive>().Or(d => targets.Any(x => x.DirectiveId == d.Id)));
    }

    /// <summary>The targets of the user's scope, as rows.</summary>
    public static IQueryable<TargetRow> Rows(this IQueryable<DirectiveTarget> targets) =>
        targets.Select(x => new TargetRow(x.Id, x.DirectiveId, x.TerritoryId, x.Level, x.Territory!.NameEn, x.Territory.NameHi, x.DivisionId,
            x.ParentTargetId, x.AcknowledgedUtc, x.LatestStatus, x.AnsweredUtc, x.Directive!.DueOn));

    public static IQueryable<DirectiveRow> Rows(this IQueryable<Directive> directives) =>
        directives.Select(d => new DirectiveRow(d.Id, d.TextEn, d.TextHi, d.DueOn, d.IssuedUtc, d.IssuedByName, d.IssuedAtLevel));
}

/// <summary>Texts of the feature: compliance labels and badges, shortening, the reminder message.</summary>
public static class DirectiveText
{
    public static string StatusKey(ComplianceStatus? status) => status switch
    {
        ComplianceStatus.Done => "Done",
        ComplianceStatus.PartlyDone => "Partly done",
        ComplianceStatus.NotDone => "Not done",
        _ => "No answer",
    };

    public static string Badge(ComplianceStatus? status) => status switch
    {
        ComplianceStatus.Done => "text-bg-success",
        ComplianceStatus.PartlyDone => "text-bg-warning",
        ComplianceStatus.NotDone => "text-bg-secondary",
        _ => "text-bg-danger",
    };

    public static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>
    /// A WhatsApp share link (wa.me without a number: the sender picks the contact) carrying the reminder text and
    /// the link of the page where the unit answers.
    /// </summary>
    public static string WhatsAppLink(string message) => "https://wa.me/?text=" + Uri.EscapeDataString(message);
}

/// <summary>A row of a directive's targets on its page: indented when it was cascaded from its district's row.</summary>
public sealed record TargetRowView(TargetRow Target, DetailsModel Page, bool Beneath);
