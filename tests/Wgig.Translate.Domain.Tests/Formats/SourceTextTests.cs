using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Tests.Formats;

public sealed class SourceTextTests
{
    [Fact]
    public void A_utf8_byte_order_mark_is_dropped() =>
        Assert.Equal("Text", SourceText.DecodeUtf8(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'T', (byte)'e', (byte)'x', (byte)'t' }).Value);

    [Fact]
    public void Invalid_utf8_is_refused_with_the_offset_of_the_first_bad_byte()
    {
        var latin1 = "Caf\u00e9"u8.ToArray()[..3].Concat(new byte[] { 0xE9, (byte)'!' }).ToArray();

        var error = Assert.IsType<NotUtf8>(SourceText.DecodeUtf8(latin1).Error);
        Assert.Equal(3, error.ByteOffset);
    }

    [Fact]
    public void Utf16_is_refused_with_advice() =>
        Assert.Contains("UTF-16", Assert.IsType<NotUtf8>(SourceText.DecodeUtf8(new byte[] { 0xFF, 0xFE, 0x41, 0 }).Error).Detail, StringComparison.Ordinal);
}
