using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.Srijan;

/// <summary>Texts and lookups of the campaign pages, always within the user's scope.</summary>
public static class SrijanQueries
{
    public static readonly SrijanStage[] Stages = Enum.GetValues<SrijanStage>();

    public static string StageKey(SrijanStage s) => s switch
    {
        SrijanStage.AwaitingObservers => "Awaiting observers",
        SrijanStage.ObserversAssigned => "Observers assigned",
        SrijanStage.ConsultationsHeld => "Consultations held",
        SrijanStage.PanelSubmitted => "Panel submitted",
        SrijanStage.OneToOnesHeld => "One-to-ones held",
        _ => "President appointed",
    };

    public static string CategoryKey(SocialCategory c) => c switch
    {
        SocialCategory.General => "General",
        SocialCategory.Obc => "OBC",
        SocialCategory.Sc => "SC",
        SocialCategory.St => "ST",
        _ => "Minority",
    };

    public static string ObserverLevelKey(ObserverLevel l) => l == ObserverLevel.Central ? "Central observer" : "State observer";

    public static string GenderKey(Gender? g) => g switch
    {
        Gender.Male => "Male",
        Gender.Female => "Female",
        null => "–",
        _ => "Other",
    };

    /// <summary>The latest campaign of the user's state, or null.</summary>
    public static Task<SrijanCampaign?> CampaignAsync(this AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var state = UserScope.Required(user).StateId;
        return db.SrijanCampaigns.AsNoTracking().Where(c => c.StateId == state).OrderByDescending(c => c.StartedOn).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>A campaign district in the user's scope (tracked), or null.</summary>
    public static Task<SrijanDistrict?> DistrictInScopeAsync(this AppDbContext db, ClaimsPrincipal user, int id, CancellationToken ct) =>
        db.SrijanDistricts.InScope(user).Include(d => d.Territory).Include(d => d.Campaign).SingleOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>
    /// A person of the campaign's state in the user's scope found by mobile number, or null: a campaign's rows point
    /// only at people of its own state (the tables are sharded by state, docs/scaling.md).
    /// </summary>
    public static async Task<Person?> PersonByMobileAsync(this AppDbContext db, ClaimsPrincipal user, int stateId, string? mobile, CancellationToken ct)
    {
        var e164 = IndianMobile.Normalise(mobile);
        return e164 is null ? null
            : await db.People.AsNoTracking().InScope(user).SingleOrDefaultAsync(p => p.StateId == stateId && p.Mobile == e164, ct);
    }
}
