using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.People;

/// <summary>
/// Adds a person. <c>?home=T</c> suggests a home territory. A mobile number that already exists offers the existing
/// record (when it is in the user's scope) instead of creating a duplicate.
/// </summary>
public class CreateModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, IStringLocalizer<SharedResource> L)
    : PersonFormModel(db, auth, clock, L)
{
    public override bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(int? home, CancellationToken ct)
    {
        if (!await Db.MayWriteAsync(Auth, User, ct)) return Forbid();
        if (home is { } homeId) await FillHomeAsync(homeId, ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>The district changed: show its blocks and wards, keeping what was typed, without validating yet.</summary>
    public async Task<IActionResult> OnPostPlacesAsync(CancellationToken ct)
    {
        if (!await Db.MayWriteAsync(Auth, User, ct)) return Forbid();
        ModelState.Clear();
        Input.PlaceId = null;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await Db.MayWriteAsync(Auth, User, ct)) return Forbid();
        var person = new Person();
        await ValidateAndCopyAsync(person, ct);
        var home = await ResolveHomeAsync(ct);
        await LoadChoicesAsync(ct);
        if (!ModelState.IsValid || home is null) return Page();

        person.PlaceIn(home);
        if (!(await Auth.AuthorizeAsync(User, person, Operations.Create)).Succeeded) return Forbid();
        Db.People.Add(person);
        if (!await TrySaveAsync(person, ct)) return Page();
        return RedirectToPage("/People/Details", new { id = person.Id });
    }
}
