using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.Admin.Users;

/// <summary>
/// One user of the administrator's state: name, role and scope (with optimistic concurrency), lock and unlock,
/// and a new set-password link (Authorization/PasswordLinks.cs): the administrator never chooses or sees a password.
/// A new link is an invitation again while the user has never set a password (say theirs expired); otherwise it
/// removes the password. Changes to role, scope, lockout or password, and every new link, renew the security stamp,
/// which ends the user's existing sessions (and any earlier link). The link just issued (here or on creating the
/// user) is shown once. A user of another state is 404.
/// </summary>
public class EditModel(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, PasswordLinks links, TimeProvider clock,
    IConfiguration configuration, Conflicts conflicts, IStringLocalizer<SharedResource> L, ILogger<EditModel> log) : PageModel
{
    private DbUpdateConcurrencyException? _conflict;

    // Each form binds only its own fields through a handler parameter, so one form's rules never fail another's post.
    public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public string? ErrorMessage { get; private set; }
    public UserDetails Details { get; private set; } = null!;
    public List<ScopeOption> ScopeOptions { get; private set; } = [];
    /// <summary>The set-password link issued by the post before this page, shown once.</summary>
    public IssuedLink? Link { get; private set; }
    public DateTime NowUtc => clock.UtcNow();

    public sealed record UserDetails(string Id, string DisplayName, string? Email, bool IsLocked, int AccessFailedCount, DateTime CreatedUtc, bool IsSelf,
        bool HasPassword, string? PasswordLink, DateTime? PasswordLinkAtUtc)
    {
        /// <summary>Invited but has not set a password through the link yet.</summary>
        public bool Invited => !HasPassword && PasswordLink == PasswordLinks.InvitationIssued;
        /// <summary>When the last link stops working (whether or not it was used).</summary>
        public DateTime? LinkExpiresUtc => PasswordLinkAtUtc + PasswordLinks.Lifespan;
    }

    public class InputModel
    {
        [Required(ErrorMessage = "Enter the name.")]
        [StringLength(200, ErrorMessage = "{0} is too long.")]
        [Display(Name = "Name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        [Display(Name = "Role")]
        public string Role { get; set; } = "";

        [Required(ErrorMessage = "Choose a territory.")]
        [Display(Name = "Territory")]
        public int? TerritoryId { get; set; }

        /// <summary>The row version (xmin) the form was filled from; a save against a newer row is refused.</summary>
        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        await ShowAsync(user, fillInput: true, ct);
        Link = IssuedLink.Take(TempData, user.Id, user.DisplayName, user.PasswordLink, user.PasswordLinkAtUtc, L);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, [Bind(Prefix = nameof(Input))] InputModel input, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        Input = input;
        var territory = await db.ValidScopeAsync(StateId, input.Role, input.TerritoryId, nameof(Input), ModelState, L, ct);
        var accessChanged = territory is not null && (user.Role != input.Role || user.ScopeTerritoryId != territory.Id);
        if (accessChanged && IsSelf(user))
            ModelState.AddModelError("Input.Role", L["You cannot change your own role or territory."]);
        if (!ModelState.IsValid || territory is null)
        {
            await ShowAsync(user, fillInput: false, ct);
            return Page();
        }

        db.Entry(user).Property(u => u.Version).OriginalValue = input.Version;
        user.DisplayName = input.DisplayName.Trim();
        user.Role = input.Role;
        user.ScopeTerritoryId = territory.Id;
        user.StateId = territory.StateId;
        var result = await SaveAsync(user, accessChanged, ct);
        if (result is null) return await ConflictAsync(id, ct);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, passwordKey: string.Empty);
            await ShowAsync(user, fillInput: false, ct);
            return Page();
        }
        log.LogInformation("Administrator {Admin} updated user {UserId}: role {Role}, territory {TerritoryId}, access changed {AccessChanged}",
            User.Identity?.Name, user.Id, user.Role, user.ScopeTerritoryId, accessChanged);
        StatusMessage = accessChanged
            ? L["Saved. The user must sign in again to use the new role or territory."]
            : L["Saved."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        if (IsSelf(user))
            return await ErrorAsync(user, L["You cannot lock your own account."], ct);
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        // A new stamp ends the sessions the user already has open.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
            return await ErrorAsync(user, string.Join(" ", result.Errors.Select(e => e.Description)), ct);
        log.LogInformation("Administrator {Admin} locked user {UserId}", User.Identity?.Name, user.Id);
        StatusMessage = L["The user is locked out and signed out."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
            return await ErrorAsync(user, string.Join(" ", result.Errors.Select(e => e.Description)), ct);
        log.LogInformation("Administrator {Admin} unlocked user {UserId}", User.Identity?.Name, user.Id);
        StatusMessage = L["The user can sign in again."];
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// A new one-time link for the user: an invitation again if they never set a password, else a set-password link
    /// that removes the password. Either way their earlier links and open sessions end at once.
    /// </summary>
    public async Task<IActionResult> OnPostSendLinkAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        var (result, token) = await links.ReissueAsync(user);
        if (!result.Succeeded)
        {
            var message = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? L["Someone else changed this user while you were editing. Nothing was saved; the form now shows the current values."]
                : string.Join(" ", result.Errors.Select(e => e.Description));
            return await ErrorAsync(user, message, ct);
        }
        // The administrator's own session survives their own new stamp (AppUserManager); its cookie gets the new one.
        if (IsSelf(user)) await signIn.RefreshSignInAsync(user);
        IssuedLink.Keep(TempData, user.Id, PasswordLinks.Url(PasswordLinks.BaseUrl(Request, configuration), user.Id, token!));
        var invitation = user.PasswordLink == PasswordLinks.InvitationIssued;
        log.LogInformation("Administrator {Admin} issued a new {Kind} for user {UserId}", User.Identity?.Name,
            invitation ? "invitation" : "set-password link", user.Id);
        StatusMessage = invitation
            ? L["A new invitation link is ready below. Earlier links no longer work."]
            : L["A new set-password link is ready below. The old password, earlier links and the user's open sessions no longer work."];
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Saves the form's changes against the version the form was filled from (null when someone else changed the
    /// user since), then renews the security stamp if role or scope changed; both or neither.
    /// </summary>
    private async Task<IdentityResult?> SaveAsync(AppUser user, bool accessChanged, CancellationToken ct)
    {
        // UserManager's own update re-reads the row version from the tracked entity, so the form's version
        // is checked by a plain SaveChanges first, in the same transaction as the stamp.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            var result = accessChanged ? await users.UpdateSecurityStampAsync(user) : IdentityResult.Success;
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))) return null;
            if (result.Succeeded) await tx.CommitAsync(ct);
            return result;
        }
        catch (DbUpdateConcurrencyException e)
        {
            _conflict = e;
            return null;
        }
    }

    private int StateId => UserScope.Required(User).StateId;

    private bool IsSelf(AppUser user) => user.Id == users.GetUserId(User);

    /// <summary>The user, if they belong to the administrator's state; tracked, for the handlers that change it.</summary>
    private Task<AppUser?> FindAsync(string id, CancellationToken ct)
    {
        var stateId = StateId;
        return db.Users.SingleOrDefaultAsync(u => u.Id == id && u.StateId == stateId, ct);
    }

    private async Task ShowAsync(AppUser user, bool fillInput, CancellationToken ct)
    {
        Details = new UserDetails(user.Id, user.DisplayName, user.Email, user.LockoutEnd > clock.GetUtcNow(),
            user.AccessFailedCount, user.CreatedUtc, IsSelf(user), user.PasswordHash is not null, user.PasswordLink, user.PasswordLinkAtUtc);
        if (fillInput)
            Input = new InputModel { DisplayName = user.DisplayName, Role = user.Role, TerritoryId = user.ScopeTerritoryId, Version = user.Version };
        ScopeOptions = await db.ScopeOptionsAsync(StateId, ct);
    }

    private async Task<IActionResult> ErrorAsync(AppUser user, string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        ErrorMessage = message;
        await ShowAsync((await FindAsync(user.Id, ct)) ?? user, fillInput: true, ct);
        return Page();
    }

    /// <summary>Nothing was saved: show the user as they are now, so the administrator can decide again.</summary>
    private async Task<IActionResult> ConflictAsync(string id, CancellationToken ct)
    {
        // Identity's own stamp update reports its conflict without an exception: then there is no table to show.
        ErrorMessage = _conflict is null
            ? L["Someone else changed this user while you were editing. Nothing was saved; the form now shows the current values."]
            : (await conflicts.ShowAsync(this, _conflict, ct, inSummary: false)).Message;
        db.ChangeTracker.Clear();
        var current = await FindAsync(id, ct);
        if (current is null) return NotFound();
        ModelState.Clear();
        await ShowAsync(current, fillInput: true, ct);
        return Page();
    }
}
