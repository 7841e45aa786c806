using System.Text;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Formats;

/// <summary>
/// For text formats: the document as a string plus the span of each block's text in it. Rebuilding
/// copies everything between blocks verbatim, so a document with no translations comes back byte for byte.
/// </summary>
public static class TextSplicer
{
    public static string Splice(string original, IReadOnlyList<Range> spans, IReadOnlyList<string?> replacements)
    {
        if (spans.Count != replacements.Count)
        {
            throw new ArgumentException($"{spans.Count} blocks in the document but {replacements.Count} given.", nameof(replacements));
        }
        var output = new StringBuilder(original.Length + original.Length / 4);
        var copied = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            var (start, length) = spans[i].GetOffsetAndLength(original.Length);
            output.Append(original, copied, start - copied);
            output.Append(replacements[i] ?? original.Substring(start, length));
            copied = start + length;
        }
        output.Append(original, copied, original.Length - copied);
        return output.ToString();
    }

    /// <summary>Encodes as UTF-8, with a byte order mark only where the original had one.</summary>
    public static byte[] Encode(string text, ReadOnlySpan<byte> original)
    {
        var body = Encoding.UTF8.GetBytes(text);
        return original.StartsWith(Encoding.UTF8.Preamble) ? [.. Encoding.UTF8.Preamble, .. body] : body;
    }
}
