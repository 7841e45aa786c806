using System.Net;
using System.Net.Sockets;

namespace Wgig.Translate.Domain.Security;

/// <summary>Bound from "Repositories": where local repositories live and which hosts the Worker may call besides public ones.</summary>
public sealed class RepositoryAccessOptions
{
    public const string Section = "Repositories";

    /// <summary>
    /// The one directory local Git repositories live under; a connection names a repository inside it. Only the
    /// server's configuration (its administrators) sets it.
    /// </summary>
    public string LocalRoot { get; set; } = Path.Combine(".data", "repos");

    /// <summary>
    /// Hosts (names or IP addresses) a GitHub Enterprise base URL may name although they are not public, or over
    /// plain http: an internal GitHub Enterprise server, or a test double. Empty: only public https hosts.
    /// </summary>
    public string[] AllowedApiHosts { get; set; } = [];
}

/// <summary>
/// Which servers a repository connection may make the Worker call, so that a stored credential can only go to a
/// real GitHub (Enterprise) server: https to a public host, never loopback, link-local, private ranges or a cloud
/// metadata address, unless the host is on the administrators' allow-list. Checked when a base URL is saved and
/// again for every address the host name resolves to when the Worker connects (DNS may change in between).
/// </summary>
public static class OutboundHosts
{
    private static readonly string[] InternalNames = ["localhost", "metadata", "metadata.google.internal"];
    private static readonly string[] InternalSuffixes = [".localhost", ".internal", ".local", ".localdomain", ".home.arpa"];

    /// <summary>Why this base URL may not be used, or null when it may; <paramref name="normalized"/> is its scheme, host and port.</summary>
    public static string? CheckBaseUrl(string url, IReadOnlyCollection<string> allowed, out string normalized)
    {
        normalized = "";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "A GitHub Enterprise server is an absolute https URL, e.g. https://github.example.org.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "The URL may not carry a user name or password.";
        }
        normalized = uri.GetLeftPart(UriPartial.Authority);
        var host = uri.IdnHost;
        if (IsAllowListed(host, allowed))
        {
            return null;
        }
        if (uri.Scheme != "https")
        {
            return "The server must be reached over https.";
        }
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return IsPublic(IPAddress.Parse(host.Trim('[', ']'))) ? null
                : $"'{host}' is a loopback, private, link-local or metadata address; only an administrator's allow-list (Repositories:AllowedApiHosts) can permit it.";
        }
        if (uri.HostNameType != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal))
        {
            return "The server needs a fully qualified host name, e.g. github.example.org.";
        }
        var lower = host.ToLowerInvariant().TrimEnd('.');
        return InternalNames.Contains(lower) || InternalSuffixes.Any(s => lower.EndsWith(s, StringComparison.Ordinal))
            ? $"'{host}' names a machine of the local network; only an administrator's allow-list (Repositories:AllowedApiHosts) can permit it."
            : null;
    }

    public static bool IsAllowListed(string host, IReadOnlyCollection<string> allowed) =>
        allowed.Any(a => string.Equals(a.Trim().Trim('[', ']').TrimEnd('.'), host.Trim('[', ']').TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether an address is on the public internet: not loopback, private, link-local, shared, reserved or a metadata service.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224 // this network, private, loopback, multicast and reserved
                || b[0] == 100 && b[1] is >= 64 and <= 127 // shared address space (carrier-grade NAT)
                || b[0] == 169 && b[1] == 254 // link-local, where cloud metadata services answer
                || b[0] == 172 && b[1] is >= 16 and <= 31
                || b[0] == 192 && b[1] == 168
                || b[0] == 192 && b[1] == 0 && b[2] is 0 or 2 // IETF protocol assignments, documentation
                || b[0] == 198 && b[1] is 18 or 19 // benchmarking
                || b[0] == 198 && b[1] == 51 && b[2] == 100 || b[0] == 203 && b[1] == 0 && b[2] == 113);
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
                || address.IsIPv4MappedToIPv6
                || b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 // documentation
                || b[0] == 0x20 && b[1] == 0x02 && !IsPublic(new IPAddress(b[2..6])) // 6to4 wrapping a private address
                || b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b); // NAT64, which can reach private IPv4
        }
        return false;
    }
}
