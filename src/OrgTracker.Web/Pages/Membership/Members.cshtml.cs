using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>
/// The members of a drive in the user's scope, filtered by place, verification status or mobile number, paged by
/// mobile number (the key, so a page never counts or skips rows). State roles verify or reject members here.
/// </summary>
public class MembersModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Conflicts conflicts, SealedTerms terms, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;

    public MembershipDrive Drive { get; private set; } = null!;
    public Territory Within { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public long? NextAfter { get; private set; }
    public long? Count { get; private set; }
    public bool CanVerify { get; private set; }
    public string? MobileError { get; private set; }

    [BindProperty(SupportsGet = true, Name = "territory")] public int? TerritoryId { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public Verification? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "mobile")] public string? MobileQuery { get; set; }
    /// <summary>The last mobile number of the previous page (keyset paging), sealed in the URL like the search.</summary>
    [BindProperty(SupportsGet = true, Name = "after")] public string? AfterSealed { get; set; }
    public long? After { get; private set; }

    /// <summary>A member's mobile number as the page's links and buttons carry it.</summary>
    public string? Seal(long? mobile) => terms.Seal(mobile);

    /// <summary>The mobile number searched for, as the page's forms carry it.</summary>
    public string? SealedSearch => terms.Seal(MobileQuery);

    /// <summary>The filters as the page's URLs carry them: the mobile number and the paging key sealed.</summary>
    private object Route(int id) => new { id, territory = TerritoryId, status = Status, mobile = terms.Seal(MobileQuery), after = terms.Seal(After) };

    /// <summary>The filter form posts here, so that the mobile number searched for reaches the URL only sealed.</summary>
    public async Task<IActionResult> OnPostSearchAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        After = null;
        return RedirectToPage(Route(id));
    }

    public sealed record Row(long Mobile, string Name, string BoothEn, string BoothHi, int AcNumber, int PartNumber, Gender? Gender, short? BirthYear,
        EnrolmentChannel Channel, DateOnly EnrolledOn, string? EnrolledBy, Verification Verification, uint Version);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var members = Filtered(id);
        if (!string.IsNullOrWhiteSpace(MobileQuery))
        {
            if (MobileNumber.TryParse(MobileQuery, out var mobile)) members = members.Where(m => m.Mobile == mobile);
            else
            {
                MobileError = L["Enter a valid Indian mobile number: ten digits starting with 6, 7, 8 or 9."];
                return Page();
            }
        }
        if (After is { } after) members = members.Where(m => m.Mobile > after);
        Rows = await members.OrderBy(m => m.Mobile).Take(PageSize + 1)
            .Select(m => new Row(m.Mobile, m.Name,
                db.Territories.Where(b => b.Id == m.BoothId).Select(b => b.NameEn).First(),
                db.Territories.Where(b => b.Id == m.BoothId).Select(b => b.NameHi).First(),
                db.Territories.Where(b => b.Id == m.BoothId).Select(b => b.AssemblyConstituency!.Number).First(),
                db.Territories.Where(b => b.Id == m.BoothId).Select(b => b.PartNumber ?? 0).First(),
                m.Gender, m.BirthYear, m.Channel, m.EnrolledOn, m.EnrolledBy, m.Verification, m.Version))
            .ToListAsync(ct);
        if (Rows.Count > PageSize)
        {
            Rows.RemoveAt(PageSize);
            NextAfter = Rows[^1].Mobile;
        }
        // The count of the place comes from the summary table, not from counting members.
        if (Status is null && string.IsNullOrWhiteSpace(MobileQuery))
            Count = (await db.TotalAsync(User, id, Within, ct)).Enrolled;
        return Page();
    }

    /// <summary>Sets the verification of one member (state roles). The version guards against a change made meanwhile.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(int id, string? member, uint version, Verification to, CancellationToken ct)
    {
        if (!User.Can(Capability.RunDrives)) return Forbid();
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!Enum.IsDefined(to)) return BadRequest();
        if (!long.TryParse(terms.Open(member), out var mobile)) return NotFound();
        var found = await db.Members.InScope(User).SingleOrDefaultAsync(m => m.DriveId == id && m.Mobile == mobile, ct);
        if (found is null) return NotFound();
        if (!(await auth.AuthorizeAsync(User, found, Operations.Update)).Succeeded) return Forbid();
        var message = await SetVerificationAsync([(found, version)], to, ct);
        TempData["Message"] = message;
        return RedirectToPage(Route(id));
    }

    /// <summary>Sets the verification of the members ticked on the page (state roles).</summary>
    public async Task<IActionResult> OnPostVerifySelectedAsync(int id, List<string>? selected, Verification to, CancellationToken ct)
    {
        if (!User.Can(Capability.RunDrives)) return Forbid();
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!Enum.IsDefined(to)) return BadRequest();
        var wanted = new Dictionary<long, uint>();
        foreach (var s in (selected ?? []).Take(PageSize))
        {
            var parts = s.Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], out var m) && uint.TryParse(parts[1], out var v)) wanted[m] = v;
        }
        var mobiles = wanted.Keys.ToList();
        var members = await db.Members.InScope(User).Where(m => m.DriveId == id && mobiles.Contains(m.Mobile)).ToListAsync(ct);
        foreach (var m in members)
            if (!(await auth.AuthorizeAsync(User, m, Operations.Update)).Succeeded) return Forbid();
        TempData["Message"] = members.Count == 0
            ? L["Tick the members first."].Value
            : await SetVerificationAsync(members.Select(m => (m, wanted[m.Mobile])).ToList(), to, ct);
        return RedirectToPage(Route(id));
    }

    private async Task<string> SetVerificationAsync(List<(Member Member, uint Version)> members, Verification to, CancellationToken ct)
    {
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var changes = new List<(Member Member, Verification Before)>();
        foreach (var (m, version) in members)
        {
            db.Entry(m).Property(x => x.Version).OriginalValue = version;
            if (m.Verification == to) continue;
            changes.Add((m, m.Verification));
            m.Verification = to;
            m.VerifiedUtc = to == Verification.Unverified ? null : clock.UtcNow();
            m.VerifiedByUserId = to == Verification.Unverified ? null : userId;
        }
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            foreach (var (m, before) in changes) await MemberCounts.VerificationChangedAsync(db, m, before, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            // The list is shown again after a redirect, so only the message travels (the table would not).
            return (await conflicts.ReadAsync(e, ct)).Message;
        }
        return L["{0} members marked {1}.", changes.Count, L[MembershipText.VerificationKey(to)]];
    }

    private IQueryable<Member> Filtered(int id)
    {
        var q = db.Members.AsNoTracking().InScope(User).Where(m => m.DriveId == id).Under(Within);
        return Status is { } s ? q.Where(m => m.Verification == s) : q;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var drive = await db.FindDriveAsync(User, id, ct);
        if (drive is null) return NotFound();
        Drive = drive;
        var within = await db.FindInScopeAsync(User, TerritoryId ?? UserScope.Required(User).TerritoryId, ct);
        if (within is null || within.StateId != drive.StateId || within.Level == TerritoryLevel.Ward) return NotFound();
        Within = within;
        if (Status is { } s && !Enum.IsDefined(s)) Status = null;
        MobileQuery = terms.Open(MobileQuery);
        After = long.TryParse(terms.Open(AfterSealed), out var after) ? after : null;
        CanVerify = User.Can(Capability.RunDrives);
        return null;
    }
}
