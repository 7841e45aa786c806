using System.Text;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Formats;

/// <summary>Decodes text formats strictly: a file that is not UTF-8 text is refused, never guessed at.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Result<string> DecodeUtf8(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        var offset = 0;
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            offset = Encoding.UTF8.Preamble.Length;
            bytes = bytes[offset..];
        }
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return new NotUtf8(0, "it starts with a UTF-16 byte order mark; save it as UTF-8");
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return new NotUtf8(e.Index + offset, "it contains a byte sequence that is not UTF-8");
        }
        // NUL and other C0 controls (bar tab and line ends) do not occur in text, and U+FFFE/U+FFFF are not characters:
        // storage and XML exports cannot hold them (Common.TextRules).
        var unstorable = TextRules.FirstUnstorable(text);
        if (unstorable >= 0)
        {
            return new NotUtf8(Encoding.UTF8.GetByteCount(text.AsSpan(0, unstorable)) + offset,
                TextRules.Problem(text)!.TrimEnd('.') + " (a text document never holds these; a binary file is not a document)");
        }
        return text;
    }
}
