using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Directives;

/// <summary>
/// One directive: its text, due date and attachment, and the units it was sent to that lie in the user's scope,
/// each with its acknowledgement and latest compliance report; a district's cascaded blocks show beneath it. Silent
/// and overdue units are red, and each unit that has not answered has a WhatsApp reminder link.
/// </summary>
public class DetailsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public Directive Directive { get; private set; } = null!;
    public string IssuerName { get; private set; } = "";
    public DirectiveFileRef? Attachment { get; private set; }
    public List<TargetRow> Targets { get; private set; } = [];
    public Dictionary<int, string?> LatestNotes { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>The user's own unit's target, when they answer for it.</summary>
    public TargetRow? Mine { get; private set; }
    /// <summary>The user's scope territory: nobody is offered a reminder to themselves.</summary>
    public int OwnTerritoryId { get; private set; }

    public sealed record DirectiveFileRef(int Id, string FileName, string ContentType);

    public IEnumerable<TargetRow> Top => Targets.Where(t => t.ParentTargetId is null || !Targets.Any(p => p.Id == t.ParentTargetId));
    public IEnumerable<TargetRow> Beneath(TargetRow parent) => Targets.Where(t => t.ParentTargetId == parent.Id);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Today = clock.TodayInIndia();
        var directive = await db.Visible(User).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (directive is null) return NotFound();
        Directive = directive;
        IssuerName = await db.Territories.Where(t => t.Id == directive.IssuedById).Select(t => Localization.IsHindi ? t.NameHi : t.NameEn).SingleAsync(ct);
        Attachment = await db.DirectiveFiles.AsNoTracking().Where(f => f.DirectiveId == id && f.AnswerId == null)
            .Select(f => new DirectiveFileRef(f.Id, f.FileName, f.ContentType)).FirstOrDefaultAsync(ct);
        Targets = await db.DirectiveTargets.AsNoTracking().InScope(User).Where(x => x.DirectiveId == id)
            .OrderBy(x => x.Level).ThenBy(x => x.Territory!.NameEn).Rows().ToListAsync(ct);
        var latest = Targets.Where(t => t.Answered).Select(t => t.Id).ToList();
        LatestNotes = await db.DirectiveTargets.AsNoTracking().Where(x => latest.Contains(x.Id))
            .Join(db.DirectiveAnswers, x => x.LatestAnswerId, a => a.Id, (x, a) => new { x.Id, a.Note })
            .ToDictionaryAsync(x => x.Id, x => x.Note, ct);
        var scope = UserScope.Required(User);
        OwnTerritoryId = scope.TerritoryId;
        if (User.Can(Capability.AnswerDirectives)) Mine = Targets.FirstOrDefault(t => t.TerritoryId == scope.TerritoryId);
        return Page();
    }

    /// <summary>The reminder for a unit that has not answered: the directive, its due date and the link to answer it.</summary>
    public string Reminder(TargetRow t)
    {
        var link = Url.Page("/Directives/Answer", null, new { id = t.Id }, Request.Scheme) ?? "";
        var text = L["Reminder: {0} has not yet answered the directive \"{1}\" (due {2}). Please acknowledge it and report compliance: {3}",
            t.Name, DirectiveText.Shorten(Directive.Text(Directive.TextEn, Directive.TextHi), 200), Localization.Date(Directive.DueOn), link].Value;
        return DirectiveText.WhatsAppLink(text);
    }
}
