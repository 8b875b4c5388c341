using Npgsql;

namespace OrgTracker.Web.Data;

/// <summary>How the app's connection strings are completed before use.</summary>
public static class Connections
{
    /// <summary>
    /// Statements a connection sends again and again (every page's session read, the dashboard's counts) are prepared
    /// on it after a few uses, so PostgreSQL stops parsing and planning them each time: planning the dashboard's two
    /// large statements took longer than running them (docs/performance.md). A connection string that says
    /// <c>Max Auto Prepare</c> itself keeps its value.
    /// </summary>
    public static string Prepared(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!b.ContainsKey("Max Auto Prepare")) b.MaxAutoPrepare = 200;
        return b.ConnectionString;
    }
}
