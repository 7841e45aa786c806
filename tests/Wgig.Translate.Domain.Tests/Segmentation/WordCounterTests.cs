using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Tests.Segmentation;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("The WGIG held its first two meetings.", 7)]
    [InlineData("WGIG’s work, on- and offline: 24 - 26 June 2004", 9)]
    [InlineData("Translation of key documents (this one)", 6)]
    [InlineData("الفريق العامل المعني بإدارة الإنترنت", 5)]
    [InlineData("Рабочая группа по управлению Интернетом", 5)]
    [InlineData("互联网治理工作组", 8)]
    [InlineData("WGIG 互联网", 4)]
    public void Counts_words_as_translation_platforms_do(string text, int words) =>
        Assert.Equal(words, WordCounter.Count(text));
}
