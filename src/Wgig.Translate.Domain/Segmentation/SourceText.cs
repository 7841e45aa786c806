using System.Text;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;

namespace Wgig.Translate.Domain.Segmentation;

/// <summary>Decodes text formats strictly: a file that is not UTF-8 is refused, never guessed at.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Result<string> DecodeUtf8(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return new NotUtf8(0, "it starts with a UTF-16 byte order mark; save it as UTF-8");
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return new NotUtf8(e.Index + (content.Length - bytes.Length), "it contains a byte sequence that is not UTF-8");
        }
    }

    /// <summary>Unix line ends; old Mac and Windows files split the same way.</summary>
    public static string NormalizeLineEnds(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
