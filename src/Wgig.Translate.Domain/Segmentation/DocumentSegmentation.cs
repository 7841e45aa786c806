using Wgig.Translate.Domain.Formats;
namespace Wgig.Translate.Domain.Segmentation;

/// <summary>One sentence of a document, with the block it belongs to: the unit a segment is made from.</summary>
public sealed record SegmentDraft(int Paragraph, int Sentence, SourceBlock Block, SegmentContent Content, string SpaceAfter)
{
    private string? _signature;

    /// <summary>Text and codes as one string, for matching against stored segments (computed on first use).</summary>
    public string Signature => _signature ??= Content.Signature();
}

public static class DocumentSegmentation
{
    /// <summary>Every block cut into sentences by the source language's rules, in document order.</summary>
    public static IReadOnlyList<SegmentDraft> Segment(IReadOnlyList<SourceBlock> blocks, string sourceLanguage,
        CancellationToken cancellationToken = default)
    {
        var drafts = new List<SegmentDraft>(blocks.Count * 2);
        var rules = SegmentationRules.For(sourceLanguage);
        for (var paragraph = 0; paragraph < blocks.Count; paragraph++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentences = SentenceSegmenter.Split(blocks[paragraph].Content, rules);
            for (var sentence = 0; sentence < sentences.Count; sentence++)
            {
                drafts.Add(new SegmentDraft(paragraph, sentence, blocks[paragraph], sentences[sentence].Content, sentences[sentence].SpaceAfter));
            }
        }
        return drafts;
    }
}
