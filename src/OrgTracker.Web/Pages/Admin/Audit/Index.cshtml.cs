using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Admin.Audit;

/// <summary>
/// The audit trail of the administrator's state, newest first: who changed what record when, with the values
/// before and after; filtered by who (name or email), what (kind of record), when (a range of days, Indian time)
/// and where (a district). Read-only: the trail is never changed (see docs/security.md).
/// </summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "who")] public string? Who { get; set; }
    [BindProperty(SupportsGet = true, Name = "what")] public string? What { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public int? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<string> Kinds { get; private set; } = [];
    public List<(int Id, string Name)> Districts { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Change(string Field, string? Before, string? After);

    public sealed record Row(long Id, DateTime AtUtc, string? UserName, string Entity, string EntityId, string Action, string? DistrictEn, string? DistrictHi, string Json)
    {
        public DateTime AtIst => IndiaTime.ToIndia(AtUtc);
        public string? District => DistrictEn is null ? null : Localization.Pick(DistrictEn, DistrictHi ?? DistrictEn);
        public List<Change> Changes => Parse(Json);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Values that do not parse (a bad date, a letter for the district) are dropped, not an error.
        if (!ModelState.IsValid)
        {
            foreach (var (key, entry) in ModelState.Where(m => m.Value!.ValidationState == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid).ToList())
            {
                if (key == "from") From = null;
                if (key == "to") To = null;
                if (key == "district") District = null;
                if (key == "p") PageNumber = 1;
            }
            ModelState.Clear();
        }
        var stateId = UserScope.Required(User).StateId;
        Kinds = db.Model.GetEntityTypes().Select(t => t.ClrType)
            .Where(t => t.Namespace == typeof(Territory).Namespace && t != typeof(AuditEntry) && !t.IsAbstract)
            .Select(t => t.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        Districts = (await db.Territories.AsNoTracking().Where(t => t.StateId == stateId && t.Level == TerritoryLevel.District)
                .Select(t => new { t.Id, t.NameEn, t.NameHi }).ToListAsync(ct))
            .Select(t => (t.Id, Localization.Pick(t.NameEn, t.NameHi))).OrderBy(t => t.Item2, StringComparer.CurrentCulture).ToList();
        // Another state's district is not found, as everywhere else.
        if (District is { } d && Districts.All(x => x.Id != d)) return NotFound();
        if (What is not null && !Kinds.Contains(What)) What = null;

        var entries = db.AuditEntries.AsNoTracking().Where(a => a.StateId == stateId);
        if (!string.IsNullOrWhiteSpace(Who))
        {
            var term = Who.Trim();
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            entries = entries.Where(a => a.UserName != null && EF.Functions.ILike(a.UserName, pattern));
        }
        if (What is not null) entries = entries.Where(a => a.Entity == What);
        if (From is { } from && from > DateOnly.MinValue)
        {
            var fromUtc = IndiaTime.DayStartUtc(from);
            entries = entries.Where(a => a.AtUtc >= fromUtc);
        }
        if (To is { } to && to < DateOnly.MaxValue)
        {
            var toUtc = IndiaTime.DayStartUtc(to.AddDays(1));
            entries = entries.Where(a => a.AtUtc < toUtc);
        }
        if (District is { } district) entries = entries.Where(a => a.DistrictId == district);

        Total = await entries.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await entries.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize)
            .Select(a => new Row(a.Id, a.AtUtc, a.UserName, a.Entity, a.EntityId, a.Action,
                db.Territories.Where(t => t.Id == a.DistrictId).Select(t => t.NameEn).FirstOrDefault(),
                db.Territories.Where(t => t.Id == a.DistrictId).Select(t => t.NameHi).FirstOrDefault(),
                a.Changes))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>The changed fields of one entry: {"Field": {"before": …, "after": …}} as rows of text.</summary>
    public static List<Change> Parse(string json)
    {
        var result = new List<Change>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return result;
            foreach (var field in doc.RootElement.EnumerateObject())
            {
                string? Value(string name) =>
                    field.Value.ValueKind == JsonValueKind.Object && field.Value.TryGetProperty(name, out var v) ? Text(v) : null;
                // A fact without before and after (a password "set", "changed" or "removed") is shown as the new value.
                result.Add(field.Value.ValueKind == JsonValueKind.Object
                    ? new Change(field.Name, Value("before"), Value("after"))
                    : new Change(field.Name, null, Text(field.Value)));
            }
        }
        catch (JsonException)
        {
            result.Add(new Change("?", null, json));
        }
        return result;
    }

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => v.GetRawText(),
    };

    public static string Format(DateTime ist) => ist.ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}
