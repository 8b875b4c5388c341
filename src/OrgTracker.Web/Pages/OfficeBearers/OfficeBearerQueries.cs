using System.Linq.Expressions;
using System.Security.Claims;
using OrgTracker.Web.Data;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Pages.OfficeBearers;

/// <summary>Queries shared by the office-bearer pages.</summary>
public static class OfficeBearerQueries
{
    /// <summary>An appointment projected for display (filter and order before projecting).</summary>
    public static readonly Expression<Func<Appointment, TerritoryModel.Holder>> ToHolder = a => new TerritoryModel.Holder(
        a.Id, a.PersonId, a.Person!.NameEn, a.Person.NameHi, a.Person.Mobile, a.PostId, a.Post!.NameEn, a.Post.NameHi, a.WingId,
        a.From, a.To, a.EndReason, a.InactiveSince, a.InactiveReason, a.Committee!.NameEn, a.Committee.NameHi);

    public static string EndReasonKey(AppointmentEnd reason) => reason switch
    {
        AppointmentEnd.Resigned => "Resigned",
        AppointmentEnd.Transferred => "Transferred",
        AppointmentEnd.Replaced => "Replaced",
        AppointmentEnd.Removed => "Removed",
        _ => "Ended",
    };

    public static string CommitteeKindKey(CommitteeKind kind) => kind switch
    {
        CommitteeKind.StateExecutive => "State executive",
        CommitteeKind.ElectionManagement => "Election-management committee",
        CommitteeKind.District => "District committee",
        CommitteeKind.Block => "Block committee",
        CommitteeKind.Ward => "Ward committee",
        _ => "Booth committee",
    };

    /// <summary>The committee kinds that can be formed at a level.</summary>
    public static CommitteeKind[] CommitteeKindsFor(TerritoryLevel level) => level switch
    {
        TerritoryLevel.State => [CommitteeKind.StateExecutive, CommitteeKind.ElectionManagement],
        TerritoryLevel.District => [CommitteeKind.District],
        TerritoryLevel.Block => [CommitteeKind.Block],
        TerritoryLevel.Ward => [CommitteeKind.Ward],
        TerritoryLevel.Booth => [CommitteeKind.Booth],
        _ => [],
    };
}
