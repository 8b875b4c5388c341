using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Platform;

/// <summary>What a new appointment is: who, which post in which wing, where, from when, in which committee.</summary>
public sealed record AppointmentRequest(int PersonId, int PostId, int WingId, int TerritoryId, DateOnly From, int? CommitteeId = null);

/// <summary>A refused appointment: the field it concerns (for the message beside it) and an English resource key.</summary>
public sealed record AppointmentProblem(string Field, string Message, params object[] Arguments);

/// <summary>
/// The rules of appointing, ending, replacing and transferring office-bearers, shared by the pages and the import.
/// Every lookup is within the user's scope; nothing is deleted; the summaries follow by themselves (Data/SummaryRefresher.cs).
/// </summary>
public static class Appointing
{
    /// <summary>Checks a request against the rules; returns null when it may be saved.</summary>
    public static async Task<AppointmentProblem?> CheckAsync(AppDbContext db, ClaimsPrincipal user, AppointmentRequest r,
        int? replacingId, DateOnly today, CancellationToken ct)
    {
        var territory = await db.Territories.AsNoTracking().InScope(user).Where(t => t.Id == r.TerritoryId)
            .Select(t => new { t.Level }).SingleOrDefaultAsync(ct);
        if (territory is null) return new("TerritoryId", "Choose a territory within your area.");
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == r.PostId, ct);
        if (post is null || post.Level != territory.Level) return new("PostId", "Choose a post that exists at this level.");
        if (!await db.Wings.AnyAsync(w => w.Id == r.WingId, ct)) return new("WingId", "Choose a wing.");
        if (!await db.People.InScope(user).AnyAsync(p => p.Id == r.PersonId, ct)) return new("PersonId", "Choose a person within your area.");
        if (r.From < new DateOnly(1950, 1, 1) || r.From > today.AddDays(366)) return new("From", "Enter a date between 1950 and a year from now.");
        if (r.CommitteeId is { } committeeId
            && !await db.Committees.AnyAsync(c => c.Id == committeeId && c.TerritoryId == r.TerritoryId && c.DissolvedOn == null, ct))
            return new("CommitteeId", "Choose a committee of this territory.");

        var current = db.Appointments.Where(a => a.TerritoryId == r.TerritoryId && a.PostId == r.PostId && a.WingId == r.WingId
                                                 && a.To == null && a.Id != replacingId);
        if (await current.AnyAsync(a => a.PersonId == r.PersonId, ct))
            return new("PersonId", "This person already holds this post here.");
        if (post.Sanctioned is { } sanctioned && await current.CountAsync(ct) >= sanctioned)
            return new("PostId", "All {0} sanctioned posts are filled; end or replace one first.", sanctioned);
        return null;
    }

    /// <summary>Adds the appointment; the caller saves.</summary>
    public static async Task<Appointment> AddAsync(AppDbContext db, AppointmentRequest r, CancellationToken ct)
    {
        var territory = await db.Territories.SingleAsync(t => t.Id == r.TerritoryId, ct);
        var appointment = new Appointment
        {
            PersonId = r.PersonId, PostId = r.PostId, WingId = r.WingId, From = r.From, CommitteeId = r.CommitteeId,
        };
        appointment.PlaceAt(territory);
        db.Appointments.Add(appointment);
        return appointment;
    }

    /// <summary>
    /// Appoints: checks, then saves. Returns the problem when refused, with nothing saved.
    /// </summary>
    public static async Task<(Appointment? Appointment, AppointmentProblem? Problem)> AppointAsync(
        AppDbContext db, ClaimsPrincipal user, AppointmentRequest r, DateOnly today, CancellationToken ct)
    {
        if (await CheckAsync(db, user, r, null, today, ct) is { } problem) return (null, problem);
        var appointment = await AddAsync(db, r, ct);
        if (!await TrySaveAsync(db, ct)) return (null, new("PersonId", "This person already holds this post here."));
        return (appointment, null);
    }

    /// <summary>
    /// Ends <paramref name="old"/> (replaced or transferred) and starts its successor in one transaction; the old
    /// record points to the new one, the end carrying its reason (and <paramref name="note"/>). <paramref name="old"/> must be tracked and carry the version the user saw.
    /// </summary>
    public static async Task<(Appointment? Appointment, AppointmentProblem? Problem)> SucceedAsync(
        AppDbContext db, ClaimsPrincipal user, Appointment old, AppointmentRequest next, AppointmentEnd reason, DateOnly today, CancellationToken ct, string? note = null)
    {
        if (!old.IsActive) return (null, new("", "This appointment has already ended."));
        if (next.From < old.From) return (null, new("From", "The end date cannot be before the start date."));
        if (await CheckAsync(db, user, next, reason == AppointmentEnd.Replaced ? old.Id : null, today, ct) is { } problem) return (null, problem);
        await using var tx = await OwnTransactionAsync(db, ct);
        old.End(next.From, reason, note);
        var successor = await AddAsync(db, next, ct);
        if (!await TrySaveAsync(db, ct)) return (null, new("PersonId", "This person already holds this post here."));
        old.SuccessorId = successor.Id;
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return (successor, null);
    }

    /// <summary>A transaction of our own, unless the caller already runs one (then theirs commits).</summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    /// <summary>Saves; false when the database refuses a second current holding of the same post (a race with another user).</summary>
    private static async Task<bool> TrySaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseError.From(e).Is(DatabaseErrorKind.UniqueViolation, "ux_appointments_current"))
        {
            return false;
        }
    }
}
