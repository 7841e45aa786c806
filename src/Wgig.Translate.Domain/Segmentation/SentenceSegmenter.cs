using Wgig.Translate.Domain.Formats;
namespace Wgig.Translate.Domain.Segmentation;

/// <summary>One sentence of a block, and the white space that followed it in the source.</summary>
public sealed record Sentence(SegmentContent Content, string SpaceAfter);

/// <summary>
/// Cuts a block's content into sentences by the language's rules. Codes never split: a break is found in
/// the text without codes and moved past any closing or standalone codes that follow the stop, so
/// "<b>Done.</b> Next" keeps its bold with the first sentence.
/// </summary>
public static class SentenceSegmenter
{
    /// <summary>Longer sentences are cut at a space: a volunteer cannot work on a page-long unit.</summary>
    public const int MaxSentenceLength = 2000;

    public static IReadOnlyList<Sentence> Split(SegmentContent block, string language) =>
        Split(block, SegmentationRules.For(language));

    public static IReadOnlyList<Sentence> Split(SegmentContent block, SegmentationRules rules)
    {
        var coded = block.CodedText;
        // Without codes the plain text is the coded text, and positions map one to one.
        List<int>? plainToCoded = null;
        var plain = coded;
        if (block.Codes.Count > 0)
        {
            plainToCoded = new List<int>(coded.Length);
            var builder = new System.Text.StringBuilder(coded.Length);
            for (var i = 0; i < coded.Length; i++)
            {
                if (!SegmentContent.IsMarker(coded[i]))
                {
                    plainToCoded.Add(i);
                    builder.Append(coded[i]);
                }
            }
            plain = builder.ToString();
        }

        var cuts = new List<int>();
        foreach (var plainBreak in rules.FindBreaks(plain))
        {
            var cut = plainToCoded is null ? plainBreak : plainToCoded[plainBreak - 1] + 1;
            while (cut < coded.Length && SegmentContent.IsMarker(coded[cut]) && block.CodeAt(coded[cut]).Kind != CodeKind.Open)
            {
                cut++;
            }
            cuts.Add(cut);
        }
        cuts.Add(coded.Length);

        var sentences = new List<Sentence>();
        var start = 0;
        foreach (var cut in cuts.Distinct())
        {
            foreach (var (from, to) in CapLength(coded, start, cut))
            {
                AddSentence(block, from, to, sentences);
            }
            start = cut;
        }
        return sentences;
    }

    // Almost every sentence is followed by one space or none: those need no string of their own.
    private static string Space(string coded, int from, int to) => (to - from) switch
    {
        0 => "",
        1 when coded[from] == ' ' => " ",
        _ => coded[from..to],
    };

    private static IEnumerable<(int From, int To)> CapLength(string coded, int from, int to)
    {
        while (to - from > MaxSentenceLength)
        {
            var space = coded.LastIndexOf(' ', from + MaxSentenceLength, MaxSentenceLength);
            var cut = space > from ? space : from + MaxSentenceLength;
            yield return (from, cut);
            from = cut;
        }
        yield return (from, to);
    }

    private static void AddSentence(SegmentContent block, int from, int to, List<Sentence> sentences)
    {
        var coded = block.CodedText;
        var leading = from;
        while (leading < to && char.IsWhiteSpace(coded[leading]))
        {
            leading++;
        }
        var trailing = to;
        while (trailing > leading && char.IsWhiteSpace(coded[trailing - 1]))
        {
            trailing--;
        }
        if (leading > from && sentences.Count > 0)
        {
            var previous = sentences[^1];
            sentences[^1] = previous with { SpaceAfter = previous.SpaceAfter + coded[from..leading] };
        }
        if (trailing == leading)
        {
            return;
        }
        sentences.Add(new Sentence(Renumber(block, leading, trailing), Space(coded, trailing, to)));
    }

    /// <summary>The codes of one sentence, numbered from 1 in the sentence (XLIFF ids are per unit).</summary>
    private static SegmentContent Renumber(SegmentContent block, int from, int to)
    {
        if (block.Codes.Count == 0)
        {
            return SegmentContent.FromText(block.CodedText[from..to]);
        }
        var text = new System.Text.StringBuilder(to - from);
        var codes = new List<InlineCode>();
        var ids = new Dictionary<int, int>();
        for (var i = from; i < to; i++)
        {
            var c = block.CodedText[i];
            if (!SegmentContent.IsMarker(c))
            {
                text.Append(c);
                continue;
            }
            var code = block.CodeAt(c);
            if (!ids.TryGetValue(code.Id, out var id))
            {
                id = ids[code.Id] = ids.Count + 1;
            }
            text.Append(SegmentContent.MarkerFor(codes.Count));
            codes.Add(code with { Id = id });
        }
        return new SegmentContent(text.ToString(), codes);
    }
}
