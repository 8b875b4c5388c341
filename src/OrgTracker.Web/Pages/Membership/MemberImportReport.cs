using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OrgTracker.Web.Authorization;
using OrgTracker.Web.Data;

namespace OrgTracker.Web.Pages.Membership;

/// <summary>
/// The error report of an import: every bad row with its line number, the reason in the reader's language and the
/// values as given, in the columns of the import file (so that it can be corrected and imported again).
/// </summary>
public static class MemberImportReport
{
    public static readonly string[] Header = ["line", "reason", .. MemberColumns.Headers];

    /// <param name="reader">Whose report it is: a booth where a number is already enrolled is named only when it lies in
    /// their scope. Null for the command line, which sees everything.</param>
    public static async IAsyncEnumerable<object?[]> RowsAsync(AppDbContext db, long jobId, UserScope? reader, IStringLocalizer L,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Left joins, not subqueries: a report may have a million rows.
        var rows = (
                from e in db.MemberImportErrors.AsNoTracking().Where(e => e.JobId == jobId)
                join b0 in db.Territories on e.OtherBoothId equals (int?)b0.Id into bj
                from b in bj.DefaultIfEmpty()
                join a0 in db.AssemblyConstituencies on b.AssemblyConstituencyId equals (int?)a0.Id into aj
                from a in aj.DefaultIfEmpty()
                join d0 in db.Territories on b.DistrictId equals (int?)d0.Id into dj
                from d in dj.DefaultIfEmpty()
                orderby e.Line
                select new
                {
                    e.Line, e.Problems, e.OtherLine, e.Name, e.Mobile, e.AcNumber, e.PartNumber, e.Gender, e.BirthYear, e.Channel, e.EnrolledOn, e.EnrolledBy,
                    Booth = b == null ? null : new MembershipQueries.BoothPlaceRow(b.StateId, b.DivisionId, b.DistrictId, b.NameEn, b.NameHi, b.PartNumber,
                        a.Number, d.NameEn, d.NameHi),
                })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
        {
            var place = r.Booth is { } b && (reader is null || reader.Covers(b)) ? MembershipQueries.Describe(b, L) : null;
            yield return [r.Line, ImportProblems.DescribeAll(r.Problems, L, r.OtherLine, place),
                r.Name, r.Mobile, r.AcNumber, r.PartNumber, r.Gender, r.BirthYear, r.Channel, r.EnrolledOn, r.EnrolledBy];
        }
    }
}
