using System.Security.Cryptography;
using System.Text;

namespace Wgig.Translate.Domain.Segmentation;

/// <summary>
/// Segment keys derive from the segment's own text, not its position, so inserting or removing
/// paragraphs elsewhere leaves every other key as it was. A text that occurs more than once gets
/// "-2", "-3"… in document order. Keys are also XLIFF unit ids, hence the NMTOKEN-safe alphabet.
/// </summary>
public static class SegmentKeys
{
    public static IReadOnlyList<string> Assign(IEnumerable<string> texts)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var text in texts)
        {
            var key = ForText(text);
            var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
            keys.Add(occurrence == 1 ? key : $"{key}-{occurrence}");
        }
        return keys;
    }

    /// <summary><paramref name="key"/>, or "-2", "-3"… after it until it is not among <paramref name="used"/>; then used.</summary>
    public static string Unique(string key, HashSet<string> used)
    {
        var candidate = key;
        for (var occurrence = 2; !used.Add(candidate); occurrence++)
        {
            candidate = $"{key}-{occurrence}";
        }
        return candidate;
    }

    public static string ForText(string text)
    {
        // White space collapsed to single spaces, then composed (NFC), then hashed.
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = collapsed.Length > 0;
                continue;
            }
            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }
            collapsed.Append(c);
        }
        var normalized = collapsed.ToString();
        if (!normalized.IsNormalized(NormalizationForm.FormC))
        {
            normalized = normalized.Normalize(NormalizationForm.FormC);
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return "s" + Convert.ToHexStringLower(hash[..6]);
    }
}
