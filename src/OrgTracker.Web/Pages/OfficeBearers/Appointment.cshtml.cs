using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.OfficeBearers;

/// <summary>One appointment: end it, flag it inactive (or clear the flag), transfer the holder; replacing opens the appoint page.</summary>
public class AppointmentModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Conflicts conflicts, IStringLocalizer<SharedResource> L) : PageModel
{
    public Appointment Appointment { get; private set; } = null!;
    public string TerritoryEn { get; private set; } = "";
    public string TerritoryHi { get; private set; } = "";
    public (int Id, string En, string Hi)? Successor { get; private set; }
    public bool CanEdit { get; private set; }
    public List<SelectListItem> TransferTargets { get; private set; } = [];
    public string? Done { get; private set; }

    [BindProperty] public uint Version { get; set; }
    // Dates default to today in India; a posted value replaces them.
    [BindProperty] public EndInput End { get; set; } = new() { On = clock.TodayInIndia() };
    [BindProperty] public InactiveInput Inactive { get; set; } = new() { Since = clock.TodayInIndia() };
    [BindProperty] public TransferInput Transfer { get; set; } = new() { On = clock.TodayInIndia() };

    public class EndInput
    {
        [Display(Name = "End date")] public DateOnly On { get; set; }
        [Display(Name = "Reason")] public AppointmentEnd Reason { get; set; } = AppointmentEnd.Ended;
        [Display(Name = "Note")][StringLength(500, ErrorMessage = "{0} is too long.")] public string? Note { get; set; }
    }

    public class InactiveInput
    {
        [Display(Name = "Inactive since")] public DateOnly Since { get; set; }
        [Display(Name = "Reason")][StringLength(500, ErrorMessage = "{0} is too long.")] public string? Reason { get; set; }
    }

    public class TransferInput
    {
        [Display(Name = "Transfer to")] public int TerritoryId { get; set; }
        [Display(Name = "From")] public DateOnly On { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostEndAsync(int id, CancellationToken ct)
    {
        if (await LoadForWriteAsync(id, ct) is { } failure) return failure;
        if (!IsValid("End")) return Page();
        if (End.On > clock.TodayInIndia()) return Invalid("End.On", "The end date cannot be in the future.");
        return await ChangeAsync(a => a.End(End.On, End.Reason, string.IsNullOrWhiteSpace(End.Note) ? null : End.Note.Trim()), "End.On", ct);
    }

    public async Task<IActionResult> OnPostInactiveAsync(int id, CancellationToken ct)
    {
        if (await LoadForWriteAsync(id, ct) is { } failure) return failure;
        if (!IsValid("Inactive")) return Page();
        if (string.IsNullOrWhiteSpace(Inactive.Reason)) return Invalid("Inactive.Reason", "Give a reason.");
        if (Inactive.Since > clock.TodayInIndia() || Inactive.Since < Appointment.From)
            return Invalid("Inactive.Since", "The date must lie between the start of the appointment and today.");
        return await ChangeAsync(a => a.FlagInactive(Inactive.Since, Inactive.Reason!), "Inactive.Reason", ct);
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, CancellationToken ct)
    {
        if (await LoadForWriteAsync(id, ct) is { } failure) return failure;
        return await ChangeAsync(a => a.ClearInactive(), "", ct);
    }

    public async Task<IActionResult> OnPostTransferAsync(int id, CancellationToken ct)
    {
        if (await LoadForWriteAsync(id, ct) is { } failure) return failure;
        if (!IsValid("Transfer")) return Page();
        if (!TransferTargets.Any(t => t.Value == Transfer.TerritoryId.ToString()))
            return Invalid("Transfer.TerritoryId", "Choose a territory of the same level within your area.");
        var next = new AppointmentRequest(Appointment.PersonId, Appointment.PostId, Appointment.WingId, Transfer.TerritoryId, Transfer.On);
        db.Entry(Appointment).Property(a => a.Version).OriginalValue = Version;
        try
        {
            var (successor, problem) = await Appointing.SucceedAsync(db, User, Appointment, next, AppointmentEnd.Transferred, clock.TodayInIndia(), ct);
            if (problem is not null) return Invalid(problem.Field == "From" ? "Transfer.On" : "Transfer.TerritoryId", problem.Message, problem.Arguments);
            return RedirectToPage(new { id = successor!.Id });
        }
        catch (DbUpdateConcurrencyException e)
        {
            return await ConflictAsync(e, ct);
        }
    }

    private async Task<IActionResult> ChangeAsync(Action<Appointment> change, string field, CancellationToken ct)
    {
        try
        {
            change(Appointment);
        }
        catch (DomainException e)
        {
            return Invalid(field, e.Message);
        }
        db.Entry(Appointment).Property(a => a.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            return await ConflictAsync(e, ct);
        }
        return RedirectToPage(new { id = Appointment.Id });
    }

    private async Task<IActionResult> ConflictAsync(DbUpdateConcurrencyException e, CancellationToken ct)
    {
        var conflict = await conflicts.ShowAsync(this, e, ct);
        ModelState.Remove(nameof(Version));
        if (conflict.CurrentVersion is { } version) Version = version;
        return Page();
    }

    private IActionResult Invalid(string field, string message, params object[] args)
    {
        ModelState.AddModelError(field, L[message, args]);
        return Page();
    }

    /// <summary>Only the form that was posted is validated; the others on the page keep their defaults.</summary>
    private bool IsValid(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".") && k != nameof(Version)).ToList())
            ModelState.Remove(key);
        return ModelState.IsValid;
    }

    private async Task<IActionResult?> LoadForWriteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        if (!(await auth.AuthorizeAsync(User, Appointment, Operations.Update)).Succeeded) return Forbid();
        // A form loaded before someone else's change is refused as a conflict before any rule is checked against
        // the changed record (which would otherwise answer, say, "already ended" without saying why).
        if (Appointment.Version != Version)
        {
            var conflict = await conflicts.ShowStaleAsync(this, Appointment, ct);
            ModelState.Remove(nameof(Version));
            if (conflict.CurrentVersion is { } version) Version = version;
            return Page();
        }
        return null;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var appointment = await db.Appointments.InScope(User).Include(a => a.Person).Include(a => a.Post).Include(a => a.Wing)
            .Include(a => a.Committee).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (appointment is null) return NotFound();
        Appointment = appointment;
        var t = await db.Territories.AsNoTracking().Where(x => x.Id == appointment.TerritoryId)
            .Select(x => new { x.NameEn, x.NameHi, x.ParentId, x.Level }).SingleAsync(ct);
        TerritoryEn = t.NameEn;
        TerritoryHi = t.NameHi;
        if (appointment.SuccessorId is { } s)
            Successor = await db.Appointments.Where(a => a.Id == s)
                .Select(a => ValueTuple.Create(a.Id, a.Person!.NameEn, a.Person.NameHi)).SingleOrDefaultAsync(ct);
        CanEdit = appointment.IsActive && User.Can(Capability.KeepOfficeBearers);
        if (CanEdit && t.ParentId is { } parent)
            TransferTargets = await db.Territories.AsNoTracking().InScope(User)
                .Where(x => x.ParentId == parent && x.Level == t.Level && x.Id != appointment.TerritoryId)
                .OrderBy(x => x.NameEn).Take(500)
                .Select(x => new SelectListItem(Localization.Pick(x.NameEn, x.NameHi), x.Id.ToString())).ToListAsync(ct);
        if (!HttpMethods.IsPost(Request.Method)) Version = appointment.Version;
        return null;
    }
}
