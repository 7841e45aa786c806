using System.Text;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Formats;

/// <summary>Decodes text formats strictly: a file that is not UTF-8 text is refused, never guessed at.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, refused when it is not UTF-8 or holds a character storage or XML cannot hold (<see cref="TextRules"/>).</summary>
    public static Result<string> DecodeUtf8(ReadOnlyMemory<byte> content)
    {
        var text = Decode(content);
        if (!text.Succeeded)
        {
            return text.Error;
        }
        // NUL and other C0 controls (bar tab and line ends) do not occur in text, and U+FFFE/U+FFFF are not characters:
        // storage and XML exports cannot hold them. An upload may ask to have them replaced (Documents.UnstorableCharacters).
        return TextRules.FirstUnstorable(text.Value) < 0 ? text : new UnstorableInDocument("The file",
            TextRules.Problem(text.Value)! + " Text documents rarely hold these, and a binary file is not a document.", MayReplace: false);
    }

    /// <summary>The file's text as strict UTF-8 (a byte order mark dropped), whatever characters it holds.</summary>
    public static Result<string> Decode(ReadOnlyMemory<byte> content)
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
        return text;
    }
}
