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
        // NUL and other C0 controls (bar tab and line ends) do not occur in text: this is a binary file.
        var control = text.AsSpan().IndexOfAnyInRange('\0', '\u0008');
        if (control < 0)
        {
            control = text.AsSpan().IndexOfAnyInRange('\u000E', '\u001F');
        }
        if (control >= 0)
        {
            return new NotUtf8(Encoding.UTF8.GetByteCount(text.AsSpan(0, control)) + offset,
                $"it contains the control character U+{(int)text[control]:X4}, so it is a binary file, not text");
        }
        return text;
    }
}
