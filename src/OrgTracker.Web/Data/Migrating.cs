using Microsoft.EntityFrameworkCore;

namespace OrgTracker.Web.Data;

public static class Migrating
{
    /// <summary>
    /// Applies the migrations, after checking that the database was made by these migrations: they were squashed into
    /// one on 06-12-2026, before any release, and a database from before then cannot be brought forward.
    /// </summary>
    public static async Task MigrateToCurrentAsync(this AppDbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet();
        var foreign = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (foreign.Count > 0)
            throw new InvalidOperationException(
                $"This database was made by migrations this version does not have ({string.Join(", ", foreign)}): they were squashed "
                + "into one before the first release. Create the database afresh (for the embedded cluster: stop it and remove .data/).");
        await db.Database.MigrateAsync(ct);
    }
}
