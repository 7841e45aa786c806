using System.Buffers.Text;
using System.Security.Cryptography;

namespace Wgig.Translate.Domain.Accounts;

/// <summary>
/// Random bearer secrets (API tokens, invitations) and their stored form. They carry 256 bits of
/// entropy, so a plain SHA-256 is the right hash: a slow password hash would add nothing but latency.
/// </summary>
public static class Secrets
{
    public static string New(string prefix) => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}
