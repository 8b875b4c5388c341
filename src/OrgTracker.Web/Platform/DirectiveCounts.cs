using Microsoft.EntityFrameworkCore;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Domain;

namespace OrgTracker.Web.Platform;

/// <summary>
/// Which directive targets a territory's figures count, shared by the directives' compliance grid and the dashboard:
/// the units that answer to the territory directly. For a state or a division that is its districts (a block's copy
/// of a cascaded directive is the district's business); for a district, the district itself and its blocks; for a
/// block, the block.
/// </summary>
public static class DirectiveCounts
{
    public static IQueryable<DirectiveTarget> CountedAt(this IQueryable<DirectiveTarget> targets, Territory t) =>
        t.Level <= TerritoryLevel.Division
            ? targets.Under(t).Where(x => x.Level == TerritoryLevel.District)
            : targets.Under(t);
}
