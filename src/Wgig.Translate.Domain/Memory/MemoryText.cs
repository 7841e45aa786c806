using System.Security.Cryptography;
using System.Text;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Memory;

/// <summary>
/// How the memory compares texts: Unicode NFC, white space collapsed and trimmed, codes left out for the
/// text and kept as their kinds and types for the structure. One home for it, so the entries written at
/// approval, by a TMX import and the keys looked up are made the same way.
/// </summary>
public static class MemoryText
{
    public static string Normalize(string plain) =>
        string.Join(' ', plain.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The key of an exact lookup: the normalized plain text.</summary>
    public static Guid KeyOf(string plain) => Hash(Normalize(plain));

    /// <summary>The key of a segment's surroundings, for in-context matches: the texts before and after it.</summary>
    public static Guid ContextOf(string? previousPlain, string? nextPlain) => Hash(Normalize(previousPlain ?? "") + "\n" + Normalize(nextPlain ?? ""));

    /// <summary>The codes' kinds and types in order, e.g. "Open:bold Close:bold Standalone:link": what a match must share to need no code repair.</summary>
    public static string Structure(SegmentContent content)
    {
        var structure = new StringBuilder();
        foreach (var c in content.CodedText)
        {
            if (SegmentContent.IsMarker(c))
            {
                var code = content.CodeAt(c);
                structure.Append(code.Kind).Append(':').Append(code.Type).Append(' ');
            }
        }
        return structure.ToString();
    }

    public static Guid Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return new Guid(digest[..16]);
    }
}
