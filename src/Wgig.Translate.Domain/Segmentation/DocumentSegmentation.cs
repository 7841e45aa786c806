namespace Wgig.Translate.Domain.Segmentation;

/// <summary>One sentence of a document, with the block it belongs to: the unit a segment is made from.</summary>
public sealed record SegmentDraft(int Paragraph, int Sentence, SourceBlock Block, SegmentContent Content, string SpaceAfter)
{
    public string Signature { get; } = Content.Signature();
}

public static class DocumentSegmentation
{
    /// <summary>Every block cut into sentences by the source language's rules, in document order.</summary>
    public static IReadOnlyList<SegmentDraft> Segment(IReadOnlyList<SourceBlock> blocks, string sourceLanguage)
    {
        var drafts = new List<SegmentDraft>();
        for (var paragraph = 0; paragraph < blocks.Count; paragraph++)
        {
            var sentences = SentenceSegmenter.Split(blocks[paragraph].Content, sourceLanguage);
            for (var sentence = 0; sentence < sentences.Count; sentence++)
            {
                drafts.Add(new SegmentDraft(paragraph, sentence, blocks[paragraph], sentences[sentence].Content, sentences[sentence].SpaceAfter));
            }
        }
        return drafts;
    }
}
