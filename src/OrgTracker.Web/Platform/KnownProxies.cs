using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OrgTracker.Web.Platform;

/// <summary>
/// Which reverse proxies may tell the application the client's address and the original scheme
/// (X-Forwarded-For, X-Forwarded-Proto): exactly those in <c>ORGTRACKER_KNOWN_PROXIES</c>, comma-separated addresses
/// and CIDR networks ("127.0.0.1,::1,10.0.0.0/8"). With none listed, forwarded headers are ignored from everyone,
/// loopback included (ASP.NET Core's default trusts loopback; a proxy on the same machine must be listed).
/// <c>ORGTRACKER_FORWARD_LIMIT</c> (default 1) is the number of proxies in the chain.
/// </summary>
public static class KnownProxies
{
    public const string Setting = "KNOWN_PROXIES";
    public const string LimitSetting = "FORWARD_LIMIT";

    public static void Configure(ForwardedHeadersOptions o, IConfiguration configuration)
    {
        var entries = Parse(configuration[Setting]);
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        // Careful: the middleware trusts every sender when both lists are empty, so with no proxy configured it reads
        // no header at all.
        o.ForwardedHeaders = entries.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.ForwardLimit = Math.Max(1, configuration.GetValue(LimitSetting, 1));
        foreach (var entry in entries)
        {
            if (entry.Network is { } network) o.KnownIPNetworks.Add(network);
            else o.KnownProxies.Add(entry.Address!);
        }
    }

    public sealed record Entry(IPAddress? Address, System.Net.IPNetwork? Network);

    /// <summary>The listed addresses and networks; anything else is refused at start-up with a clear message.</summary>
    public static IReadOnlyList<Entry> Parse(string? value)
    {
        var entries = new List<Entry>();
        foreach (var item in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (item.Contains('/'))
                entries.Add(System.Net.IPNetwork.TryParse(item, out var network) ? new Entry(null, network)
                    : throw new InvalidOperationException($"ORGTRACKER_{Setting}: '{item}' is not a network (CIDR, e.g. 10.0.0.0/8)."));
            else
                entries.Add(IPAddress.TryParse(item, out var address) ? new Entry(address, null)
                    : throw new InvalidOperationException($"ORGTRACKER_{Setting}: '{item}' is not an IP address."));
        }
        return entries;
    }
}
