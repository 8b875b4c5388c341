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

namespace OrgTracker.Web.Pages.Meetings;

/// <summary>
/// Logs a new meeting (optionally inviting office-bearers by rule in the same step) or edits one: details, status,
/// minutes and head count. The territory is fixed once the meeting exists. Nothing is saved unless all is valid;
/// a save over someone else's newer save is refused.
/// </summary>
public class EditModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Conflicts conflicts, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public InviteRuleInput Rule { get; set; } = new();

    public Meeting? Existing { get; private set; }
    public Territory? Territory { get; private set; }
    public List<SelectListItem> Territories { get; private set; } = [];
    public List<SelectListItem> Districts { get; private set; } = [];
    public List<SelectListItem> Wings { get; private set; } = [];
    public List<SelectListItem> Programmes { get; private set; } = [];

    public class InputModel
    {
        [Required(ErrorMessage = "Enter the title.")]
        [StringLength(200, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Title")]
        public string? Title { get; set; }

        [Display(Name = "Type")] public MeetingType Type { get; set; } = MeetingType.Review;
        [Display(Name = "Territory")] public int TerritoryId { get; set; }
        [Display(Name = "Wing")] public int? WingId { get; set; }
        [Display(Name = "Programme")] public int? ProgrammeId { get; set; }

        [Required(ErrorMessage = "Enter when it starts.")]
        [Display(Name = "Starts")]
        public DateTime? Starts { get; set; }

        [Required(ErrorMessage = "Enter when it ends.")]
        [Display(Name = "Ends")]
        public DateTime? Ends { get; set; }

        [StringLength(300, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Venue")]
        public string? Venue { get; set; }

        [StringLength(200, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Chair")]
        public string? Chair { get; set; }

        [StringLength(8000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Agenda")]
        public string? Agenda { get; set; }

        [StringLength(20000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Minutes")]
        public string? Minutes { get; set; }

        [StringLength(8000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Arrangements")]
        public string? Arrangements { get; set; }

        [StringLength(8000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Challenges")]
        public string? Challenges { get; set; }

        [StringLength(8000, ErrorMessage = "{0} may have at most {1} characters.")]
        [Display(Name = "Strategy agreed")]
        public string? Strategy { get; set; }

        [Display(Name = "Status")] public MeetingStatus Status { get; set; } = MeetingStatus.Scheduled;

        [Range(0, 1_000_000, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Head count")]
        public int? HeadCount { get; set; }

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? territory, int? programme, CancellationToken ct)
    {
        if (id is { } meetingId)
        {
            if (await LoadExistingAsync(meetingId, ct) is { } failure) return failure;
            var m = Existing!;
            Input = new InputModel
            {
                Title = m.Title, Type = m.Type, TerritoryId = m.TerritoryId, WingId = m.WingId, ProgrammeId = m.ProgrammeId,
                Starts = IndiaTime.ToIndia(m.StartsUtc), Ends = IndiaTime.ToIndia(m.EndsUtc), Venue = m.Venue, Chair = m.Chair,
                Agenda = m.Agenda, Minutes = m.Minutes, Arrangements = m.Arrangements, Challenges = m.Challenges, Strategy = m.Strategy, Status = m.Status, HeadCount = m.HeadCount, Version = m.Version,
            };
        }
        else
        {
            var scope = UserScope.Required(User);
            Input.TerritoryId = territory ?? scope.TerritoryId;
            Input.ProgrammeId = programme;
            var tomorrow = clock.TodayInIndia().AddDays(1).ToDateTime(new TimeOnly(11, 0));
            Input.Starts = tomorrow;
            Input.Ends = tomorrow.AddHours(2);
            if (programme is { } p && await db.MeetingProgrammes.AsNoTracking().InScope(User).SingleOrDefaultAsync(x => x.Id == p, ct) is { } prog)
                Input.TerritoryId = prog.TerritoryId;
        }
        await FillListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Meeting meeting;
        if (id is { } meetingId)
        {
            if (await LoadExistingAsync(meetingId, ct) is { } failure) return failure;
            meeting = Existing!;
            Input.TerritoryId = meeting.TerritoryId;
        }
        else
        {
            meeting = new Meeting { CreatedUtc = now, CreatedBy = User.Identity?.Name ?? "" };
        }

        var territory = await db.Territories.AsNoTracking().InScope(User).SingleOrDefaultAsync(t => t.Id == Input.TerritoryId, ct);
        if (territory is null || !(await auth.AuthorizeAsync(User, territory, Operations.Create)).Succeeded)
            ModelState.AddModelError("Input.TerritoryId", L["Choose a territory within your area."]);
        Territory = territory;
        if (!Enum.IsDefined(Input.Type)) ModelState.AddModelError("Input.Type", L["Choose a type."]);
        if (!Enum.IsDefined(Input.Status)) ModelState.AddModelError("Input.Status", L["Choose a status."]);
        if (Input.WingId is { } w && !await db.Wings.AnyAsync(x => x.Id == w, ct)) ModelState.AddModelError("Input.WingId", L["Choose a wing."]);
        if (Input.ProgrammeId is { } p && !await db.MeetingProgrammes.InScope(User).AnyAsync(x => x.Id == p, ct))
            ModelState.AddModelError("Input.ProgrammeId", L["Choose a programme of your area."]);
        foreach (var (field, value) in new[] { ("Input.Starts", Input.Starts), ("Input.Ends", Input.Ends) })
            if (value is { } v && (v.Year < 2000 || v.Year > 2100)) ModelState.AddModelError(field, L["Enter a date between 2000 and 2100."]);
        var rule = id is null && territory is not null ? Rule.ToRule(territory.Level) : null;
        if (rule is not null && rule.Levels.Count == 0 && (Rule.Posts.Count > 0 || Rule.WingId is not null))
            ModelState.AddModelError("Rule.Levels", L["Choose at least one level to invite from."]);
        if (rule is not null && !await db.IsKnownWingAsync(rule.WingId, ct)) ModelState.AddModelError("Rule.WingId", L["Choose a wing."]);
        if (!ModelState.IsValid)
        {
            await FillListsAsync(ct);
            return Page();
        }

        try
        {
            meeting.Reschedule(IndiaTime.ToUtc(Input.Starts!.Value), IndiaTime.ToUtc(Input.Ends!.Value));
        }
        catch (DomainException e)
        {
            return await InvalidAsync("Input.Ends", e.Message, ct);
        }
        try
        {
            meeting.SetStatus(Input.Status, now);
        }
        catch (DomainException e)
        {
            return await InvalidAsync("Input.Status", e.Message, ct);
        }
        meeting.Title = ReportInput.CleanText(Input.Title) ?? "";
        if (meeting.Title.Length == 0) return await InvalidAsync("Input.Title", "Enter the title.", ct);
        meeting.Type = Input.Type;
        meeting.WingId = Input.WingId;
        meeting.ProgrammeId = Input.ProgrammeId;
        meeting.Venue = ReportInput.CleanText(Input.Venue);
        meeting.Chair = ReportInput.CleanText(Input.Chair);
        meeting.Agenda = ReportInput.CleanText(Input.Agenda);
        meeting.Minutes = ReportInput.CleanText(Input.Minutes);
        // The review's record belongs to one-to-ones; another type keeps none.
        var review = Input.Type == MeetingType.OneToOne;
        meeting.Arrangements = review ? ReportInput.CleanText(Input.Arrangements) : null;
        meeting.Challenges = review ? ReportInput.CleanText(Input.Challenges) : null;
        meeting.Strategy = review ? ReportInput.CleanText(Input.Strategy) : null;
        meeting.HeadCount = Input.HeadCount;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (id is null)
        {
            meeting.PlaceAt(territory!);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            if (rule is { Levels.Count: > 0 })
            {
                var candidates = await db.ResolveRuleAsync(territory!, rule, ct);
                if (await db.InviteAsync(meeting, candidates, InviteSource.Rule, ct) is null)
                    return await InvalidAsync("Rule.Levels", "This rule names more than {0} people; narrow it.", ct, Meeting.MaxInvitees);
                await db.SaveChangesAsync(ct);
            }
        }
        else
        {
            db.Entry(meeting).Property(m => m.Version).OriginalValue = Input.Version;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException e)
            {
                var conflict = await conflicts.ShowAsync(this, e, ct);
                ModelState.Remove("Input.Version");
                if (conflict.CurrentVersion is { } version) Input.Version = version;
                await FillListsAsync(ct);
                return Page();
            }
        }
        await tx.CommitAsync(ct);
        return RedirectToPage("Details", new { id = meeting.Id });
    }

    private async Task<IActionResult> InvalidAsync(string field, string message, CancellationToken ct, params object[] args)
    {
        ModelState.AddModelError(field, L[message, args]);
        await FillListsAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> LoadExistingAsync(int id, CancellationToken ct)
    {
        Existing = await db.Meetings.Visible(db, User).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (Existing is null) return NotFound();
        if (!(await auth.AuthorizeAsync(User, Existing, Operations.Update)).Succeeded) return Forbid();
        Territory = await db.Territories.AsNoTracking().SingleAsync(t => t.Id == Existing.TerritoryId, ct);
        return null;
    }

    private async Task FillListsAsync(CancellationToken ct)
    {
        var scope = UserScope.Required(User);
        Territory ??= await db.Territories.AsNoTracking().InScope(User).SingleOrDefaultAsync(t => t.Id == Input.TerritoryId, ct);
        // State, divisions and districts of the user's area; blocks and wards of the district in hand.
        var focusDistrict = scope.Level == TerritoryLevel.District ? scope.TerritoryId
            : Territory?.Level == TerritoryLevel.District ? Territory.Id : Territory?.DistrictId;
        var rows = await db.TerritoryOptionsAsync(User, focusDistrict, ct);
        Territories = rows.Select(t => new SelectListItem(t.Label, t.Id.ToString())).ToList();
        if (scope.Level < TerritoryLevel.District)
            Districts = rows.Where(t => t.Level == TerritoryLevel.District).OrderBy(t => t.Name)
                .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToList();
        Wings = await db.Wings.AsNoTracking().OrderBy(x => x.SortOrder)
            .Select(x => new SelectListItem(Localization.Pick(x.NameEn, x.NameHi), x.Id.ToString())).ToListAsync(ct);
        Programmes = await db.MeetingProgrammes.AsNoTracking().InScope(User).OrderByDescending(x => x.Id).Take(50)
            .Select(x => new SelectListItem(x.Title, x.Id.ToString())).ToListAsync(ct);
    }
}

/// <summary>The invite-by-rule fields: levels, post codes (none = all posts) and a wing (none = any).</summary>
public class InviteRuleInput
{
    public List<TerritoryLevel> Levels { get; set; } = [];
    public List<string> Posts { get; set; } = [];
    public int? WingId { get; set; }

    /// <summary>The rule, keeping only levels at or below the meeting's and known post codes.</summary>
    public InviteRule ToRule(TerritoryLevel meetingLevel) => new(
        Levels.Where(l => Enum.IsDefined(l) && l >= meetingLevel).Distinct().ToList(),
        Posts.Where(p => MeetingText.PostCodes.Any(c => c.Code == p)).Distinct().ToList(),
        WingId);
}
