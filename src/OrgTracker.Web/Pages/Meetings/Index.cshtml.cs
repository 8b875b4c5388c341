using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>Meetings the user may see, newest first, filtered by territory, type, status and dates; paged and exportable.</summary>
public class IndexModel(ReadDb db, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public MeetingFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public List<SelectListItem> Territories { get; private set; } = [];
    public List<(int Id, string Title)> Programmes { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Row(int Id, string Title, MeetingType Type, MeetingStatus Status, DateTime StartsUtc, DateTime EndsUtc,
        string TerritoryEn, string TerritoryHi, TerritoryLevel Level, int? ProgrammeId, string? ProgrammeTitle, int Invited, int Present, int? HeadCount);

    public async Task<IActionResult> OnGetAsync(string? export, CancellationToken ct)
    {
        if (!ModelState.IsValid) { Filter = new MeetingFilter(); PageNumber = 1; }
        var meetings = await Filter.ApplyAsync(db, User, db.Meetings.AsNoTracking().Visible(db, User), ct);
        var rows = meetings.OrderByDescending(m => m.StartsUtc).ThenByDescending(m => m.Id)
            .Select(m => new Row(m.Id, m.Title, m.Type, m.Status, m.StartsUtc, m.EndsUtc, m.Territory!.NameEn, m.Territory.NameHi, m.Level,
                m.ProgrammeId, m.Programme!.Title,
                db.MeetingInvitees.Count(i => i.MeetingId == m.Id),
                db.MeetingInvitees.Count(i => i.MeetingId == m.Id && i.Attendance == AttendanceStatus.Present), m.HeadCount));

        if (Tabular.IsFormat(export))
            return Tabular.Export(export, "meetings",
                [L["Starts"], L["Ends"], L["Title"], L["Type"], L["Status"], L["Territory"], L["Level"], L["Programme"], L["Invited"], L["Present"], L["Head count"]],
                rows.Take(Tabular.MaxRows).AsAsyncEnumerable().Select(r => new object?[] { MeetingText.When(r.StartsUtc), MeetingText.When(r.EndsUtc), r.Title, L[MeetingText.TypeKey(r.Type)].Value,
                    L[MeetingText.StatusKey(r.Status)].Value, Localization.Pick(r.TerritoryEn, r.TerritoryHi), L[Localization.LevelKey(r.Level)].Value,
                    r.ProgrammeTitle, r.Invited, r.Present, r.HeadCount }));

        Total = await meetings.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await rows.Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize).ToListAsync(ct);
        Territories = (await db.TerritoryOptionsAsync(User, null, ct)).Select(t => new SelectListItem(t.Label, t.Id.ToString())).ToList();
        Programmes = (await db.MeetingProgrammes.AsNoTracking().Visible(db, User).OrderByDescending(p => p.Id).Take(5)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        return Page();
    }
}

/// <summary>The filters of the meeting list and calendar, from the query string.</summary>
public class MeetingFilter
{
    public int? Territory { get; set; }
    public MeetingType? Type { get; set; }
    public MeetingStatus? Status { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int? Programme { get; set; }
    public string? Q { get; set; }

    public bool Any => Territory is not null || Type is not null || Status is not null || From is not null || To is not null || Programme is not null || !string.IsNullOrWhiteSpace(Q);

    /// <summary>Narrows the (already visible) meetings; a territory outside the user's scope filters to nothing.</summary>
    public async Task<IQueryable<Meeting>> ApplyAsync(AppDbContext db, System.Security.Claims.ClaimsPrincipal user, IQueryable<Meeting> meetings, CancellationToken ct)
    {
        if (Territory is { } tid)
        {
            var t = await db.Territories.AsNoTracking().InScope(user).Where(x => x.Id == tid)
                .Select(x => new { x.Id, x.Level }).SingleOrDefaultAsync(ct);
            // Below a block a meeting is found by its own territory (meetings carry no ward or booth column).
            meetings = t is null ? meetings.Where(_ => false)
                : t.Level <= TerritoryLevel.Block ? meetings.Under(t.Level, tid)
                : meetings.Where(m => m.TerritoryId == tid);
        }
        if (Type is { } type && Enum.IsDefined(type)) meetings = meetings.Where(m => m.Type == type);
        if (Status is { } status && Enum.IsDefined(status)) meetings = meetings.Where(m => m.Status == status);
        if (From is { } from && from.Year is >= 2000 and <= 2100) { var f = IndiaTime.DayStartUtc(from); meetings = meetings.Where(m => m.StartsUtc >= f); }
        if (To is { } to && to.Year is >= 2000 and <= 2100) { var e = IndiaTime.DayStartUtc(to.AddDays(1)); meetings = meetings.Where(m => m.StartsUtc < e); }
        if (Programme is { } p) meetings = meetings.Where(m => m.ProgrammeId == p);
        if (ReportInput.CleanText(Q) is { } q)
        {
            var pattern = "%" + q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            meetings = meetings.Where(m => EF.Functions.ILike(m.Title, pattern));
        }
        return meetings;
    }
}
