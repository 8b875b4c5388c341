using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Platform;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.People;

/// <summary>
/// The person form shared by <see cref="CreateModel"/> and <see cref="EditModel"/>: every field of a person, the
/// mobile number normalised and checked for an existing owner, and the home territory chosen in two steps (a
/// district, or the state or a division, then optionally a block or ward of that district). The home is always
/// re-read from the database within the user's scope, never taken from the form as it stands.
/// </summary>
public abstract class PersonFormModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    protected AppDbContext Db => db;
    protected IAuthorizationService Auth => auth;
    protected IStringLocalizer<SharedResource> Text => L;

    [BindProperty] public InputModel Input { get; set; } = new();

    public List<SelectListItem> Areas { get; private set; } = [];
    public List<SelectListItem> Places { get; private set; } = [];
    public List<SelectListItem> Genders { get; private set; } = [];
    /// <summary>The person in the user's scope who already has the typed mobile number; the page links to them.</summary>
    public MobileOwner? ExistingOwner { get; private set; }
    public abstract bool IsNew { get; }

    /// <summary>The person's current home, kept as a choice even when it is a booth or above the district.</summary>
    protected int? CurrentHomeId { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Enter the English name.")]
        [StringLength(200, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Name (English)")]
        public string? NameEn { get; set; }

        [Required(ErrorMessage = "Enter the Hindi name.")]
        [StringLength(200, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Name (Hindi)")]
        public string? NameHi { get; set; }

        [Required(ErrorMessage = "Enter the mobile number.")]
        [StringLength(30, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Mobile")]
        public string? Mobile { get; set; }

        [StringLength(256, ErrorMessage = "{0} may have at most {1} characters.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email (optional)")]
        public string? Email { get; set; }

        // Text, not the enum: whatever arrives gets our own localized message rather than the model binder's.
        [Display(Name = "Gender")]
        public string? Gender { get; set; }

        [StringLength(10, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Year of birth")]
        public string? BirthYear { get; set; }

        [StringLength(500, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Address")]
        public string? Address { get; set; }

        [StringLength(100, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Came from party")]
        public string? FormerParty { get; set; }

        [StringLength(20, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Joined on")]
        public string? JoinedOn { get; set; }

        [Display(Name = "District")]
        public int? AreaId { get; set; }

        [Display(Name = "Block or ward")]
        public int? PlaceId { get; set; }

        public uint Version { get; set; }
    }

    /// <summary>Fills the form from a person (edit) or from a suggested home (create).</summary>
    protected void FillFrom(Person p)
    {
        Input = new InputModel
        {
            NameEn = p.NameEn, NameHi = p.NameHi, Mobile = p.Mobile.Length == 0 ? null : IndianMobile.Display(p.Mobile), Email = p.Email,
            Gender = p.Gender?.ToString(), BirthYear = p.BirthYear?.ToString(CultureInfo.InvariantCulture), Address = p.Address,
            FormerParty = p.FormerParty, JoinedOn = p.JoinedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Version = p.Version,
        };
    }

    /// <summary>Sets the two home fields from a territory: the district (or state, division) and the block, ward or booth below it.</summary>
    protected async Task FillHomeAsync(int territoryId, CancellationToken ct)
    {
        var t = await db.Territories.AsNoTracking().InScope(User).Where(x => x.Id == territoryId)
            .Select(x => new { x.Id, x.Level, x.DistrictId }).SingleOrDefaultAsync(ct);
        if (t is null) return;
        (Input.AreaId, Input.PlaceId) = t.Level <= TerritoryLevel.District ? ((int?)t.Id, (int?)null) : (t.DistrictId, (int?)t.Id);
    }

    /// <summary>The choices of the form: the areas in the user's scope and the blocks and wards of the chosen district.</summary>
    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Genders =
        [
            new(L["Male"], nameof(Domain.Gender.Male)), new(L["Female"], nameof(Domain.Gender.Female)),
            new(L["Other"], nameof(Domain.Gender.Other)),
        ];

        var areas = await db.Territories.AsNoTracking().InScope(User)
            .Where(t => t.Level <= TerritoryLevel.District)
            .Select(t => new { t.Id, t.Level, t.DivisionId, t.NameEn, t.NameHi })
            .ToListAsync(ct);
        var divisions = areas.Where(a => a.Level == TerritoryLevel.Division).OrderBy(a => a.NameEn)
            .ToDictionary(a => a.Id, a => new SelectListGroup { Name = Localization.Pick(a.NameEn, a.NameHi) });
        Areas = [];
        foreach (var state in areas.Where(a => a.Level == TerritoryLevel.State))
            Areas.Add(new SelectListItem(L["{0} – state level", Localization.Pick(state.NameEn, state.NameHi)], Id(state.Id)));
        foreach (var (divisionId, group) in divisions)
        {
            var division = areas.Single(a => a.Id == divisionId);
            Areas.Add(new SelectListItem(L["{0} – division level", group.Name], Id(divisionId)) { Group = group });
            foreach (var d in areas.Where(a => a.Level == TerritoryLevel.District && a.DivisionId == divisionId).OrderBy(a => a.NameEn))
                Areas.Add(new SelectListItem(Localization.Pick(d.NameEn, d.NameHi), Id(d.Id)) { Group = group });
        }
        // A district-scoped user has no division node in scope: their district stands alone.
        foreach (var d in areas.Where(a => a.Level == TerritoryLevel.District && (a.DivisionId is null || !divisions.ContainsKey(a.DivisionId.Value))))
            Areas.Add(new SelectListItem(Localization.Pick(d.NameEn, d.NameHi), Id(d.Id)));
        if (Input.AreaId is null && Areas.Count == 1) Input.AreaId = int.Parse(Areas[0].Value, CultureInfo.InvariantCulture);

        Places = [];
        var districtId = Input.AreaId;
        if (districtId is null || !areas.Any(a => a.Id == districtId && a.Level == TerritoryLevel.District)) return;
        var below = await db.Territories.AsNoTracking().InScope(User)
            .Where(t => t.DistrictId == districtId
                        && (t.Level == TerritoryLevel.Block || t.Level == TerritoryLevel.Ward || t.Id == CurrentHomeId))
            .Select(t => new { t.Id, t.Level, t.BlockId, t.NameEn, t.NameHi })
            .ToListAsync(ct);
        foreach (var block in below.Where(b => b.Level == TerritoryLevel.Block).OrderBy(b => b.NameEn))
        {
            var blockName = Localization.Pick(block.NameEn, block.NameHi);
            Places.Add(new SelectListItem(blockName, Id(block.Id)));
            foreach (var ward in below.Where(w => w.Level == TerritoryLevel.Ward && w.BlockId == block.Id).OrderBy(w => w.NameEn.Length).ThenBy(w => w.NameEn))
                Places.Add(new SelectListItem($"{blockName} › {Localization.Pick(ward.NameEn, ward.NameHi)}", Id(ward.Id)));
        }
        foreach (var booth in below.Where(b => b.Level == TerritoryLevel.Booth))
            Places.Add(new SelectListItem(L["Booth: {0}", Localization.Pick(booth.NameEn, booth.NameHi)], Id(booth.Id)));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The chosen home, re-read from the database within the user's scope; null (with a message beside the field) when not allowed.</summary>
    protected async Task<Territory?> ResolveHomeAsync(CancellationToken ct)
    {
        var area = Input.AreaId is { } areaId
            ? await db.Territories.AsNoTracking().InScope(User).SingleOrDefaultAsync(t => t.Id == areaId && t.Level <= TerritoryLevel.District, ct)
            : null;
        if (area is null)
        {
            ModelState.AddModelError("Input.AreaId", L["Choose a district within your area."]);
            return null;
        }
        if (Input.PlaceId is not { } placeId) return area;
        var place = area.Level == TerritoryLevel.District
            ? await db.Territories.AsNoTracking().InScope(User).SingleOrDefaultAsync(t => t.Id == placeId && t.DistrictId == area.Id
                && (t.Level == TerritoryLevel.Block || t.Level == TerritoryLevel.Ward || t.Id == CurrentHomeId), ct)
            : null;
        if (place is null) ModelState.AddModelError("Input.PlaceId", L["Choose a block or ward of this district."]);
        return place;
    }

    /// <summary>Validates the fields beyond their annotations and copies them to the person; the mobile is checked against the database.</summary>
    protected async Task ValidateAndCopyAsync(Person person, CancellationToken ct)
    {
        var mobile = IndianMobile.Normalise(Input.Mobile);
        if (!string.IsNullOrWhiteSpace(Input.Mobile) && mobile is null)
            ModelState.AddModelError("Input.Mobile", L["Enter a valid Indian mobile number, e.g. 98765 43210."]);
        else if (mobile is not null)
            await CheckMobileFreeAsync(mobile, person.Id == 0 ? null : person.Id, ct);

        Gender? gender = null;
        if (!string.IsNullOrWhiteSpace(Input.Gender))
        {
            if (Enum.TryParse<Gender>(Input.Gender, ignoreCase: false, out var g) && Enum.IsDefined(g) && !int.TryParse(Input.Gender, out _)) gender = g;
            else ModelState.AddModelError("Input.Gender", L["Choose a gender from the list."]);
        }

        int? birthYear = null;
        var latestBirthYear = clock.TodayInIndia().Year - 16;
        if (!string.IsNullOrWhiteSpace(Input.BirthYear))
        {
            if (int.TryParse(Input.BirthYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 1900 && y <= latestBirthYear)
                birthYear = y;
            else ModelState.AddModelError("Input.BirthYear", L["Enter a year of birth from 1900 to {0}.", latestBirthYear]);
        }

        DateOnly? joined = null;
        if (!string.IsNullOrWhiteSpace(Input.JoinedOn))
        {
            if (ParseDate(Input.JoinedOn) is { } d && d.Year >= 1950 && d <= clock.TodayInIndia()) joined = d;
            else ModelState.AddModelError("Input.JoinedOn", L["Enter a date from 1950 to today, as dd-MM-yyyy."]);
        }

        person.NameEn = InputText.Clean(Input.NameEn);
        person.NameHi = InputText.Clean(Input.NameHi);
        person.Mobile = mobile ?? "";
        person.Email = NullIfEmpty(Input.Email);
        person.Gender = gender;
        person.BirthYear = birthYear;
        person.Address = NullIfEmpty(Input.Address);
        person.FormerParty = NullIfEmpty(Input.FormerParty);
        person.JoinedOn = joined;
    }

    /// <summary>
    /// A number that is taken: when its owner is in the user's scope the page offers their record; otherwise the
    /// message says only that the number is registered, not who has it or where.
    /// </summary>
    protected async Task CheckMobileFreeAsync(string mobile, int? exceptId, CancellationToken ct)
    {
        var owner = await db.MobileOwnerAsync(User, mobile, exceptId, ct);
        if (owner is null) return;
        if (owner.InScope)
        {
            ExistingOwner = owner;
            ModelState.AddModelError("Input.Mobile", L["This mobile belongs to {0}.", owner.Name]);
        }
        else
        {
            ModelState.AddModelError("Input.Mobile", L[PeopleQueries.MobileUnavailable]);
        }
    }

    /// <summary>Saves; a unique-index race on the mobile number becomes a message beside the field. False when not saved.</summary>
    protected async Task<bool> TrySaveAsync(Person person, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseError.From(e).Is(DatabaseErrorKind.UniqueViolation, "ix_people_mobile"))
        {
            db.ChangeTracker.Clear();
            await CheckMobileFreeAsync(person.Mobile, person.Id == 0 ? null : person.Id, ct);
            if (ModelState.GetFieldValidationState("Input.Mobile") != ModelValidationState.Invalid)
                ModelState.AddModelError("Input.Mobile", L[PeopleQueries.MobileUnavailable]);
            return false;
        }
    }

    /// <summary>A date as the browser's date field sends it (yyyy-MM-dd) or as people type it (dd-MM-yyyy, dd/MM/yyyy, dd.MM.yyyy).</summary>
    public static DateOnly? ParseDate(string? text)
    {
        string[] formats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy"];
        return DateOnly.TryParseExact((text ?? "").Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static string? NullIfEmpty(string? s)
    {
        var clean = InputText.Clean(s);
        return clean.Length == 0 ? null : clean;
    }
}
