using System.Security.Cryptography;
using System.Text;
using Wgig.Translate.Domain.Formats;

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
        var normalized = IsCollapsed(text) ? text : Collapse(text);
        if (!normalized.IsNormalized(NormalizationForm.FormC))
        {
            normalized = normalized.Normalize(NormalizationForm.FormC);
        }
        var length = Encoding.UTF8.GetByteCount(normalized);
        var rented = length > 1024 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> utf8 = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        Encoding.UTF8.GetBytes(normalized, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
        return "s" + Convert.ToHexStringLower(hash[..6]);
    }

    private static bool IsCollapsed(string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || char.IsWhiteSpace(text[i + 1])))
            {
                return false;
            }
        }
        return true;
    }

    private static string Collapse(string text)
    {
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
        return collapsed.ToString();
    }
}
