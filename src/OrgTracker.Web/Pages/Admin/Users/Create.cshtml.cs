using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Admin.Users;

/// <summary>
/// An administrator creates a user of their own state with a role and a territory scope at the level the role needs,
/// without a password: the user gets an invitation, a one-time link (valid 72 hours) where they choose their own
/// password (Authorization/PasswordLinks.cs), which the next page (the user's page) shows once to copy or send on
/// WhatsApp. There is no self-registration.
/// </summary>
public class CreateModel(AppDbContext db, UserManager<AppUser> users, PasswordLinks links, TimeProvider clock, IConfiguration configuration,
    IStringLocalizer<SharedResource> L, ILogger<CreateModel> log) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public List<ScopeOption> ScopeOptions { get; private set; } = [];

    public class InputModel
    {
        [Required(ErrorMessage = "Enter the email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter the name.")]
        [StringLength(200, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string Role { get; set; } = Roles.DistrictPresident;

        [Required(ErrorMessage = "Choose a territory.")]
        [Display(Name = "Territory")]
        public int? TerritoryId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => ScopeOptions = await db.ScopeOptionsAsync(StateId, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ScopeOptions = await db.ScopeOptionsAsync(StateId, ct);
        var territory = await db.ValidScopeAsync(StateId, Input.Role, Input.TerritoryId, nameof(Input), ModelState, L, ct);
        if (!ModelState.IsValid || territory is null) return Page();

        var email = Input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", L["A user with this email already exists."]);
            return Page();
        }
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true,
            DisplayName = Input.DisplayName.Trim(), Role = Input.Role,
            ScopeTerritoryId = territory.Id, StateId = territory.StateId, CreatedUtc = clock.UtcNow(),
        };
        // Created without a password and invited in the same save (the audit trail shows "InvitationIssued").
        links.MarkInvited(user);
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user);
        }
        catch (DbUpdateException e) when (Platform.DatabaseError.From(e).IsUniqueViolation)
        {
            // Another administrator created the same email between the check above and this insert.
            ModelState.AddModelError("Input.Email", L["A user with this email already exists."]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, string.Empty, "Input.Email");
            return Page();
        }
        var token = await links.TokenAsync(user);
        IssuedLink.Keep(TempData, user.Id, PasswordLinks.Url(PasswordLinks.BaseUrl(Request, configuration), user.Id, token));
        log.LogInformation("Administrator {Admin} created user {UserId} as {Role} of territory {TerritoryId} and issued an invitation",
            User.Identity?.Name, user.Id, user.Role, user.ScopeTerritoryId);
        StatusMessage = L["User {0} created. Send them the invitation link below.", user.DisplayName];
        return RedirectToPage("Edit", new { id = user.Id });
    }

    private int StateId => UserScope.Required(User).StateId;
}
