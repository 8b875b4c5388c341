using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;
using OrgTracker.Web.Platform;

namespace OrgTracker.Web.Pages.People;

/// <summary>
/// Edits a person within the user's scope (404 outside it, 403 for read-only roles). The version the user saw
/// travels in the form: a save over someone else's change is refused, and their values are shown.
/// </summary>
public class EditModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Conflicts conflicts, IStringLocalizer<SharedResource> L)
    : PersonFormModel(db, auth, clock, L)
{
    public override bool IsNew => false;
    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    private Person _person = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        FillFrom(_person);
        await FillHomeAsync(_person.HomeTerritoryId, ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPlacesAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        ModelState.Clear();
        Input.PlaceId = null;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure) return failure;
        await ValidateAndCopyAsync(_person, ct);
        var home = await ResolveHomeAsync(ct);
        await LoadChoicesAsync(ct);
        if (!ModelState.IsValid || home is null)
        {
            Db.ChangeTracker.Clear();
            return Page();
        }

        _person.PlaceIn(home);
        // The new home must lie within the user's scope too (the choices are scoped; this is the rule itself).
        if (!(await Auth.AuthorizeAsync(User, _person, Operations.Update)).Succeeded) return Forbid();
        Db.Entry(_person).Property(p => p.Version).OriginalValue = Input.Version;
        try
        {
            if (!await TrySaveAsync(_person, ct)) return Page();
        }
        catch (DbUpdateConcurrencyException e)
        {
            var conflict = await conflicts.ShowAsync(this, e, ct);
            // The next save is a deliberate overwrite of the version the user has now seen.
            ModelState.Remove("Input.Version");
            if (conflict.CurrentVersion is { } version) Input.Version = version;
            return Page();
        }
        return RedirectToPage("/People/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var person = await Db.People.InScope(User).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        if (!(await Auth.AuthorizeAsync(User, person, Operations.Update)).Succeeded) return Forbid();
        _person = person;
        Id = id;
        Name = Localization.Pick(person.NameEn, person.NameHi);
        CurrentHomeId = person.HomeTerritoryId;
        return null;
    }
}
