using System.Security.Cryptography;
using System.Text;

namespace Wgig.Translate.Domain.Targets;

/// <summary>
/// The version of a translation as a client sees it (the ETag and If-Match of the JSON API, the hidden
/// field of the web editor): a fingerprint of what a person could have read or typed on it, its state,
/// text, draft, translator, claimant, reviewer and comment. A lease renewal is not a new version: a
/// volunteer who edits one segment of a batch after another (each save renews the whole batch) must not
/// meet a conflict on the next segment.
/// </summary>
public static class TranslationVersion
{
    /// <summary>The version of a segment nobody has touched in the language.</summary>
    public const string None = "0";

    public static string Of(Target? target)
    {
        if (target is null)
        {
            return None;
        }
        var content = string.Join('\u001f', target.State, target.Text, target.Draft, target.TranslatorId, target.ClaimedBy,
            target.ClaimId, target.ReviewClaimedBy, target.ReviewComment);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)).AsSpan(0, 8));
    }

    /// <summary>Whether an If-Match value (quoted, weak or bare) names the current version; no value matches anything.</summary>
    public static bool Matches(string? ifMatch, Target? target) =>
        string.IsNullOrEmpty(ifMatch) || Normalize(ifMatch) == Of(target);

    private static string Normalize(string ifMatch)
    {
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        return value.Trim('"');
    }
}
