using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Platform;

/// <summary>A person's current post, for lists: post, wing (when not the main organisation) and territory.</summary>
public sealed record PostHeld(int PersonId, string PostEn, string PostHi, int WingId, string WingEn, string WingHi,
    string TerritoryEn, string TerritoryHi, bool Inactive)
{
    public string Text
    {
        get
        {
            var post = Localization.Pick(PostEn, PostHi);
            if (WingId != Data.Configurations.ReferenceData.MainWingId) post += $" ({Localization.Pick(WingEn, WingHi)})";
            return $"{post} – {Localization.Pick(TerritoryEn, TerritoryHi)}";
        }
    }
}

/// <summary>Who someone is by their mobile number, looked up across the whole system (see <see cref="PeopleQueries.MobileOwnerAsync"/>).</summary>
public sealed record MobileOwner(int Id, string NameEn, string NameHi, bool InScope)
{
    public string Name => Localization.Pick(NameEn, NameHi);
}

/// <summary>People lookups shared by the people pages, the training list and the import.</summary>
public static class PeopleQueries
{
    /// <summary>
    /// What a user is told when a number is taken by someone outside their scope, in another district or another
    /// state alike (and when a concurrent save took it). The number is unique across the whole system (one person per
    /// mobile, <c>ix_people_mobile</c>), so that it is taken cannot be hidden without two records for one human; the
    /// message therefore says only that the number cannot be used here: never who holds it, nor where, nor whether that
    /// is this state or another (docs/security.md).
    /// </summary>
    public const string MobileUnavailable = "This mobile number cannot be used here. Ask the state office.";

    /// <summary>
    /// True when the user may add and edit people: the role may write, checked against the user's own scope node
    /// (state office and state in-charge anywhere in their state, a district president in their district).
    /// </summary>
    public static async Task<bool> MayWriteAsync(this AppDbContext db, IAuthorizationService auth, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = UserScope.From(user);
        if (scope is null) return false;
        var node = await db.Territories.AsNoTracking().InScope(user).SingleOrDefaultAsync(t => t.Id == scope.TerritoryId, ct);
        return node is not null && (await auth.AuthorizeAsync(user, node, Operations.Create)).Succeeded;
    }

    /// <summary>
    /// The person who has this mobile number (other than <paramref name="exceptId"/>), wherever they are: the number is
    /// unique across the system, so the check cannot be scoped. Whether they lie in the user's scope decides what the
    /// user may be told: their name and a link, or only that the number is taken.
    /// </summary>
    public static async Task<MobileOwner?> MobileOwnerAsync(this AppDbContext db, ClaimsPrincipal user, string e164, int? exceptId, CancellationToken ct)
    {
        var owner = await db.People.AsNoTracking()
            .Where(p => p.Mobile == e164 && p.Id != exceptId)
            .Select(p => new OwnerRow(p.Id, p.NameEn, p.NameHi, p.StateId, p.DivisionId, p.DistrictId))
            .SingleOrDefaultAsync(ct);
        if (owner is null) return null;
        return UserScope.From(user)?.Covers(owner) == true
            ? new MobileOwner(owner.Id, owner.NameEn, owner.NameHi, true)
            : new MobileOwner(0, "", "", false);
    }

    private sealed record OwnerRow(int Id, string NameEn, string NameHi, int StateId, int? DivisionId, int? DistrictId) : IScoped;

    /// <summary>Current posts (in the user's scope) of these people, by person.</summary>
    public static async Task<ILookup<int, PostHeld>> CurrentPostsAsync(this AppDbContext db, ClaimsPrincipal user, IReadOnlyCollection<int> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0) return Array.Empty<PostHeld>().ToLookup(p => p.PersonId);
        var rows = await db.Appointments.AsNoTracking().InScope(user)
            .Where(a => personIds.Contains(a.PersonId) && a.To == null)
            .OrderBy(a => a.Post!.Level).ThenBy(a => a.Post!.SortOrder)
            .Select(a => new PostHeld(a.PersonId, a.Post!.NameEn, a.Post.NameHi, a.WingId, a.Wing!.NameEn, a.Wing.NameHi,
                a.Territory!.NameEn, a.Territory.NameHi, a.InactiveSince != null))
            .ToListAsync(ct);
        return rows.ToLookup(r => r.PersonId);
    }

    /// <summary>Escapes a search term for ILIKE and wraps it in wildcards.</summary>
    public static string ContainsPattern(string term) =>
        "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>
    /// Filters people by a search term: a mobile number in any usual form (98765 43210, 098765-43210, +91…) matches
    /// exactly; a few digits match part of the number; anything else matches either name (trigram-indexed ILIKE).
    /// </summary>
    public static IQueryable<Person> Search(this IQueryable<Person> people, string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return people;
        var term = InputText.Clean(query);
        if (IndianMobile.Normalise(term) is { } mobile) return people.Where(p => p.Mobile == mobile);
        var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 4 && term.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+'))
        {
            var pattern = ContainsPattern(digits);
            return people.Where(p => EF.Functions.Like(p.Mobile, pattern));
        }
        var name = ContainsPattern(term);
        return people.Where(p => EF.Functions.ILike(p.NameEn, name) || EF.Functions.ILike(p.NameHi, name));
    }

    /// <summary>"District › Block › Ward" names of a territory (its own name last), for showing where someone lives.</summary>
    public static async Task<string> PlaceNameAsync(this AppDbContext db, int territoryId, CancellationToken ct)
    {
        var t = await db.Territories.AsNoTracking().Where(x => x.Id == territoryId)
            .Select(x => new { x.Id, x.Level, x.DistrictId, x.BlockId, x.WardId }).SingleOrDefaultAsync(ct);
        if (t is null) return "";
        int?[] ids = [t.Level > TerritoryLevel.District ? t.DistrictId : null, t.Level > TerritoryLevel.Block ? t.BlockId : null,
            t.Level == TerritoryLevel.Booth ? t.WardId : null, t.Id];
        var wanted = ids.Where(i => i.HasValue).Select(i => i!.Value).ToList();
        var names = await db.Territories.AsNoTracking().Where(x => wanted.Contains(x.Id))
            .Select(x => new { x.Level, x.NameEn, x.NameHi }).ToListAsync(ct);
        return string.Join(" › ", names.OrderBy(n => n.Level).Select(n => Localization.Pick(n.NameEn, n.NameHi)));
    }
}
