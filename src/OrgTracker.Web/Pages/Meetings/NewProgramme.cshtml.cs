using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Data.Configurations;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>
/// Creates a programme of sessions in one step: one session per chosen division (or district, or block), so many a
/// day at set times — "3-day meeting of district presidents, two divisions a day" — each session inviting the
/// current holders of the chosen posts in its unit (by default the district presidents and district in-charges).
/// </summary>
public class NewProgrammeModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int MaxSessions = 200;

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public InviteRuleInput Rule { get; set; } = new()
    {
        Levels = [TerritoryLevel.District], Posts = ["PRES", "INCH"], WingId = ReferenceData.MainWingId,
    };

    public Territory Home { get; private set; } = null!;
    public List<TerritoryLevel> UnitLevels { get; private set; } = [];
    public List<Unit> Units { get; private set; } = [];
    public List<SelectListItem> Wings { get; private set; } = [];

    public sealed record Unit(int Id, TerritoryLevel Level, string Name);

    public class InputModel
    {
        [Required(ErrorMessage = "Enter the title.")]
        [StringLength(150, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Title")]
        public string? Title { get; set; }

        [StringLength(4000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Description")]
        public string? Description { get; set; }

        [Display(Name = "Type")] public MeetingType Type { get; set; } = MeetingType.Review;

        [StringLength(300, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Venue")]
        public string? Venue { get; set; }

        [StringLength(200, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Chair")]
        public string? Chair { get; set; }

        [StringLength(8000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Agenda")]
        public string? Agenda { get; set; }

        [Display(Name = "One session for each")] public TerritoryLevel UnitLevel { get; set; } = TerritoryLevel.Division;
        public List<int> Units { get; set; } = [];

        [Required(ErrorMessage = "Enter the first day.")]
        [Display(Name = "First day")]
        public DateOnly? FirstDay { get; set; }

        [Range(1, 12, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Sessions a day")]
        public int PerDay { get; set; } = 2;

        [Required(ErrorMessage = "Enter when the first session starts.")]
        [Display(Name = "First session starts at")]
        public TimeOnly? FirstStart { get; set; } = new TimeOnly(11, 0);

        [Range(15, 600, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Each session (minutes)")]
        public int Minutes { get; set; } = 150;

        [Range(0, 600, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Break between sessions (minutes)")]
        public int Gap { get; set; } = 60;
    }

    public async Task<IActionResult> OnGetAsync(TerritoryLevel? unit, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failure) return failure;
        Input.UnitLevel = unit is { } u && UnitLevels.Contains(u) ? u : UnitLevels.FirstOrDefault();
        Input.FirstDay = clock.TodayInIndia().AddDays(7);
        await LoadUnitsAsync(ct);
        Input.Units = Units.Select(x => x.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failure) return failure;
        if (!UnitLevels.Contains(Input.UnitLevel)) Input.UnitLevel = UnitLevels.FirstOrDefault();
        await LoadUnitsAsync(ct);
        if (!Enum.IsDefined(Input.Type)) ModelState.AddModelError("Input.Type", L["Choose a type."]);
        var chosen = Units.Where(u => Input.Units.Contains(u.Id)).ToList();
        if (chosen.Count == 0) ModelState.AddModelError("Input.Units", L["Choose at least one."]);
        if (chosen.Count > MaxSessions) ModelState.AddModelError("Input.Units", L["At most {0} sessions in one programme.", MaxSessions]);
        if (Input.FirstDay is { Year: < 2000 or > 2100 }) ModelState.AddModelError("Input.FirstDay", L["Enter a date between 2000 and 2100."]);
        if (Input.FirstStart is { } fs && fs.ToTimeSpan() + TimeSpan.FromMinutes(Input.PerDay * (Input.Minutes + Input.Gap) - Input.Gap) > TimeSpan.FromDays(1))
            ModelState.AddModelError("Input.PerDay", L["The sessions of a day do not fit in the day; start earlier or shorten them."]);
        var rule = Rule.ToRule(Input.UnitLevel);
        if (rule.Levels.Count == 0) ModelState.AddModelError("Rule.Levels", L["Choose at least one level to invite from."]);
        if (!await db.IsKnownWingAsync(rule.WingId, ct)) ModelState.AddModelError("Rule.WingId", L["Choose a wing."]);
        var title = ReportInput.CleanText(Input.Title);
        if (title is null) ModelState.AddModelError("Input.Title", L["Enter the title."]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var user = User.Identity?.Name ?? "";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var programme = new MeetingProgramme { Title = title!, Description = ReportInput.CleanText(Input.Description), CreatedUtc = now, CreatedBy = user };
        programme.PlaceAt(Home);
        db.MeetingProgrammes.Add(programme);
        await db.SaveChangesAsync(ct);

        var units = await db.Territories.AsNoTracking().Where(t => chosen.Select(c => c.Id).Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        for (var n = 0; n < chosen.Count; n++)
        {
            var day = Input.FirstDay!.Value.AddDays(n / Input.PerDay);
            var start = day.ToDateTime(Input.FirstStart!.Value).AddMinutes(n % Input.PerDay * (Input.Minutes + Input.Gap));
            var session = new Meeting
            {
                ProgrammeId = programme.Id, Title = Shorten($"{programme.Title} – {chosen[n].Name}"), Type = Input.Type,
                Venue = ReportInput.CleanText(Input.Venue), Chair = ReportInput.CleanText(Input.Chair), Agenda = ReportInput.CleanText(Input.Agenda),
                WingId = rule.WingId, CreatedUtc = now, CreatedBy = user,
            };
            session.PlaceAt(Home);
            session.Reschedule(IndiaTime.ToUtc(start), IndiaTime.ToUtc(start.AddMinutes(Input.Minutes)));
            db.Meetings.Add(session);
            await db.SaveChangesAsync(ct);
            var candidates = await db.ResolveRuleAsync(units[chosen[n].Id], rule, ct);
            if (await db.InviteAsync(session, candidates, InviteSource.Rule, ct) is null)
            {
                ModelState.AddModelError("Rule.Levels", L["This rule names more than {0} people; narrow it.", Meeting.MaxInvitees]);
                return Page();
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return RedirectToPage("Programme", new { id = programme.Id });
    }

    private static string Shorten(string title) => title.Length <= 200 ? title : title[..199] + "…";

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = UserScope.Required(User);
        Home = await db.Territories.AsNoTracking().SingleAsync(t => t.Id == scope.TerritoryId, ct);
        if (!(await auth.AuthorizeAsync(User, Home, Operations.Create)).Succeeded) return Forbid();
        UnitLevels = Home.Level switch
        {
            TerritoryLevel.State => [TerritoryLevel.Division, TerritoryLevel.District],
            TerritoryLevel.Division => [TerritoryLevel.District, TerritoryLevel.Block],
            _ => [TerritoryLevel.Block],
        };
        Wings = await db.Wings.AsNoTracking().OrderBy(x => x.SortOrder)
            .Select(x => new SelectListItem(Localization.Pick(x.NameEn, x.NameHi), x.Id.ToString())).ToListAsync(ct);
        return null;
    }

    private async Task LoadUnitsAsync(CancellationToken ct)
    {
        var level = Input.UnitLevel;
        Units = (await db.Territories.AsNoTracking().InScope(User).Where(t => t.Level == level).OrderBy(t => t.NameEn)
                .Select(t => new { t.Id, t.Level, t.NameEn, t.NameHi }).Take(MaxSessions + 1).ToListAsync(ct))
            .Select(t => new Unit(t.Id, t.Level, Localization.Pick(t.NameEn, t.NameHi))).ToList();
    }
}
