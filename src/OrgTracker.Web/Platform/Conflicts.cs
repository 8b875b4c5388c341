using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Platform;

/// <summary>One field that differs between what the user saved and what is saved now.</summary>
public sealed record ConflictField(string Label, string Yours, string Theirs);

/// <summary>
/// A save refused because someone else saved the record first: who and when (from the audit trail), the fields
/// where their values differ from the user's, and the version now saved (the form carries it so that the next save
/// is a deliberate overwrite of what the user has now seen). Shown by <c>Pages/Shared/_Conflict.cshtml</c>.
/// </summary>
public sealed record Conflict(string Message, string? ChangedBy, string? ChangedAtIndia, bool Deleted, IReadOnlyList<ConflictField> Fields, uint? CurrentVersion);

/// <summary>
/// The one conflict experience: every page whose save meets a <see cref="DbUpdateConcurrencyException"/> hands it
/// here and gets the same message, the same "your values / their values" table and the current version.
/// </summary>
public sealed class Conflicts(AppDbContext db, IStringLocalizer<SharedResource> L)
{
    /// <summary>Where the conflict of the request is kept for <c>_Conflict.cshtml</c> (rendered by the layout).</summary>
    public const string ViewDataKey = "Platform.Conflict";

    // Keys, scope columns, versions and timestamps mean nothing to the user and are not compared.
    private static readonly HashSet<string> NotShown = ["Version", "ConcurrencyStamp", "SecurityStamp", "PasswordHash", "NormalizedEmail", "NormalizedUserName"];

    /// <summary>
    /// Reads the conflict, shows it on the page (the message in the validation summary, the table by the layout) and
    /// forgets the refused changes. The page puts <see cref="Conflict.CurrentVersion"/> into its form.
    /// </summary>
    public async Task<Conflict> ShowAsync(PageModel page, DbUpdateException e, CancellationToken ct, bool inSummary = true)
    {
        var conflict = await ReadAsync(e, ct);
        if (inSummary) page.ModelState.AddModelError(string.Empty, conflict.Message);
        page.ViewData[ViewDataKey] = conflict;
        return conflict;
    }

    /// <summary>
    /// Reads who changed the record, when, and what differs; then forgets the refused changes. A unique violation
    /// of a record being added (someone created the same one a moment earlier) has no saved row to compare with.
    /// </summary>
    public async Task<Conflict> ReadAsync(DbUpdateException e, CancellationToken ct)
    {
        var entry = e.Entries.FirstOrDefault();
        if (entry is null || e is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Conflict(L[Headline(entry?.Metadata.ClrType)], null, null, false, [], null);
        }
        var theirs = await entry.GetDatabaseValuesAsync(ct);
        var fields = theirs is null ? [] : Differences(entry, theirs);
        uint? version = theirs is not null && entry.Metadata.FindProperty("Version") is { } v ? theirs[v] as uint? : null;
        var type = entry.Metadata.ClrType;
        var key = KeyOf(entry);
        db.ChangeTracker.Clear();

        var (by, at) = await LastChangeAsync(type, key, ct);
        var message = theirs is null ? L["Someone else deleted this record while you were editing it. Nothing was saved."].Value : L[Headline(type)].Value;
        return new Conflict(message, by, at, theirs is null, fields, version);
    }

    /// <summary>
    /// Shows the conflict of a form posted with an older version than <paramref name="saved"/> (a tracked record,
    /// read just now), found before saving: who changed it and when, without a table (nothing was applied to compare).
    /// </summary>
    public async Task<Conflict> ShowStaleAsync(PageModel page, object saved, CancellationToken ct)
    {
        var entry = db.Entry(saved);
        var (by, at) = await LastChangeAsync(entry.Metadata.ClrType, KeyOf(entry), ct);
        var version = entry.Metadata.FindProperty("Version") is { } v ? entry.Property(v.Name).CurrentValue as uint? : null;
        var conflict = new Conflict(L[Headline(entry.Metadata.ClrType)], by, at, false, [], version);
        page.ModelState.AddModelError(string.Empty, conflict.Message);
        page.ViewData[ViewDataKey] = conflict;
        return conflict;
    }

    private static string KeyOf(EntityEntry entry) => Data.Sharding.KeyOf(entry);

    /// <summary>Who saved the record last and when (India time), from the newest row of the audit trail.</summary>
    private async Task<(string? By, string? AtIndia)> LastChangeAsync(Type type, string key, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == type.Name && a.EntityId == key)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.AtUtc, a.UserName, DisplayName = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return last is null
            ? (null, null)
            : (last.DisplayName ?? last.UserName, IndiaTime.ToIndia(last.AtUtc).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>The first sentence of the message, naming what was changed (English resource keys).</summary>
    private static string Headline(Type? type) => type?.Name switch
    {
        nameof(AppUser) => "Someone else changed this user while you were editing it. Nothing was saved; their values are shown beside yours.",
        nameof(Report) => "Someone else saved this report while you were editing it. Nothing was saved; their values are shown beside yours.",
        nameof(Appointment) => "Someone else changed this appointment while you were editing it. Nothing was saved; their values are shown beside yours.",
        nameof(Committee) => "Someone else changed this committee while you were editing it. Nothing was saved; their values are shown beside yours.",
        nameof(Meeting) => "Someone else changed this meeting while you were editing it. Nothing was saved; their values are shown beside yours.",
        nameof(MeetingInvitee) => "Someone else changed this attendance while you were editing it. Nothing was saved; their values are shown beside yours.",
        nameof(ActionItem) => "Someone else changed this action item while you were editing it. Nothing was saved; their values are shown beside yours.",
        nameof(MembershipDrive) => "Someone else changed this drive while you were editing it. Nothing was saved; their values are shown beside yours.",
        nameof(Member) => "Someone else changed a member while you were editing. Nothing was saved; look again and repeat.",
        _ => "Someone else changed this record while you were editing it. Nothing was saved; their values are shown beside yours.",
    };

    private List<ConflictField> Differences(EntityEntry entry, PropertyValues theirs)
    {
        var fields = new List<ConflictField>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (p.Metadata.IsPrimaryKey() || NotShown.Contains(name) || name.EndsWith("Id", StringComparison.Ordinal)
                || name.EndsWith("Utc", StringComparison.Ordinal) || p.Metadata.ClrType == typeof(byte[]))
                continue;
            var (yours, saved) = (Shown(p.CurrentValue), Shown(theirs[p.Metadata]));
            if (yours != saved) fields.Add(new ConflictField(L[Label(name)], yours, saved));
        }
        return fields;
    }

    /// <summary>"InactiveReason" → "Inactive reason": the resource key of a property's label.</summary>
    private static string Label(string property)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in property)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append(' ').Append(char.ToLowerInvariant(c));
            else text.Append(c);
        }
        var label = text.ToString();
        return label.EndsWith(" en", StringComparison.Ordinal) ? label[..^3] + " (English)"
            : label.EndsWith(" hi", StringComparison.Ordinal) ? label[..^3] + " (Hindi)"
            : label;
    }

    private string Shown(object? value) => value switch
    {
        null => "—",
        bool b => b ? L["Yes"] : L["No"],
        DateOnly d => Localization.Date(d),
        System.Collections.IDictionary map => string.Join(", ", map.Keys.Cast<object>().Order().Select(k => $"{k}: {Shown(map[k])}")),
        Enum e => L[e.ToString()],
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "—",
    };
}
