using System.Text;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Segmentation;

/// <summary>
/// Text with inline codes, as "coded text": each code stands in the text as one private-use character
/// (U+E000 + its index in <see cref="Codes"/>), so text operations (segmentation, search, diff) cannot
/// split a code, and the markup never reaches the text a volunteer edits.
/// </summary>
public sealed record SegmentContent
{
    public const char FirstMarker = '\uE000';
    public const int MaxCodes = 0xF8FF - 0xE000 + 1;

    public SegmentContent(string codedText, IReadOnlyList<InlineCode> codes)
    {
        CodedText = codedText;
        Codes = codes;
    }

    public string CodedText { get; }

    public IReadOnlyList<InlineCode> Codes { get; }

    public static SegmentContent Empty { get; } = new("", []);

    public static SegmentContent FromText(string text) => new(text, []);

    public static bool IsMarker(char c) => c is >= FirstMarker and <= '\uF8FF';

    public static char MarkerFor(int index) => (char)(FirstMarker + index);

    public InlineCode CodeAt(char marker) => Codes[marker - FirstMarker];

    /// <summary>The text without its codes: what is counted, searched and compared.</summary>
    public string PlainText
    {
        get
        {
            if (Codes.Count == 0)
            {
                return CodedText;
            }
            var plain = new StringBuilder(CodedText.Length);
            foreach (var c in CodedText)
            {
                if (!IsMarker(c))
                {
                    plain.Append(c);
                }
            }
            return plain.ToString();
        }
    }

    /// <summary>The text with each code's original markup back in place.</summary>
    public string ToOriginal(Func<string, string>? escapeText = null)
    {
        var original = new StringBuilder(CodedText.Length + Codes.Count * 8);
        var run = new StringBuilder();
        foreach (var c in CodedText)
        {
            if (IsMarker(c))
            {
                original.Append(escapeText is null ? run.ToString() : escapeText(run.ToString()));
                run.Clear();
                original.Append(CodeAt(c).Data);
            }
            else
            {
                run.Append(c);
            }
        }
        original.Append(escapeText is null ? run.ToString() : escapeText(run.ToString()));
        return original.ToString();
    }

    /// <summary>A stable fingerprint of text and codes, for telling unchanged segments from changed ones.</summary>
    public string Signature()
    {
        var signature = new StringBuilder(CodedText.Length + Codes.Count * 16);
        foreach (var c in CodedText)
        {
            if (IsMarker(c))
            {
                var code = CodeAt(c);
                signature.Append('\u0001').Append(code.Kind).Append(':').Append(code.Type).Append(':').Append(code.Data).Append('\u0001');
            }
            else
            {
                signature.Append(c);
            }
        }
        return signature.ToString();
    }

    public bool Equals(SegmentContent? other) =>
        other is not null && CodedText == other.CodedText && Codes.SequenceEqual(other.Codes);

    public override int GetHashCode() => HashCode.Combine(CodedText, Codes.Count);
}
