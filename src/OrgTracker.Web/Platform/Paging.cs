namespace OrgTracker.Web.Platform;

/// <summary>
/// Page arithmetic for every paged list: a page number comes from the query string (<c>?p=</c>) and may be anything
/// an <c>int</c> holds, so the rows to skip are computed in 64 bits and kept within 0..<see cref="int.MaxValue"/>;
/// a negative or huge page never overflows into a negative OFFSET.
/// </summary>
public static class Paging
{
    /// <summary>The rows before page <paramref name="page"/> (pages count from 1; below 1 reads as 1).</summary>
    public static int Offset(int page, int pageSize)
    {
        var rows = ((long)Math.Max(1, page) - 1) * Math.Max(1, pageSize);
        return (int)Math.Min(rows, int.MaxValue);
    }

    /// <summary>How many pages <paramref name="total"/> rows make (at least one).</summary>
    public static int PageCount(long total, int pageSize) => (int)Math.Clamp((Math.Max(0, total) + pageSize - 1) / Math.Max(1, pageSize), 1, int.MaxValue);
}
