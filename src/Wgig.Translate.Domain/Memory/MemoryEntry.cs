using System.Text;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Memory;

public enum MemoryOrigin
{
    /// <summary>Written when a reviewer approved the translation.</summary>
    Approval,

    /// <summary>Read from a TMX file.</summary>
    Import,
}

/// <summary>
/// One source/target pair of a project's translation memory in one language pair. The codes are normalised:
/// renumbered 1…n in the order the source has them, and the target's markers refer to the same list, so
/// entries from any document or tool compare alike; the original markup stays for a TMX export. The same pair
/// in the same surroundings is one entry, refreshed (author, date, document) each time it is approved again.
/// </summary>
public sealed class MemoryEntry
{
    public const int MaxTextLength = 10_000;

    private MemoryEntry()
    {
        SourceLanguage = TargetLanguage = Source = Target = SourcePlain = TargetPlain = "";
        Codes = [];
        SourceWords = [];
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string SourceLanguage { get; private set; }

    public string TargetLanguage { get; private set; }

    /// <summary>The source as coded text over <see cref="Codes"/>.</summary>
    public string Source { get; private set; }

    /// <summary>The translation as coded text over <see cref="Codes"/>.</summary>
    public string Target { get; private set; }

    public IReadOnlyList<InlineCode> Codes { get; private set; }

    /// <summary>The source without codes, normalized: what the trigram index and concordance search read.</summary>
    public string SourcePlain { get; private set; }

    public string TargetPlain { get; private set; }

    /// <summary>
    /// The distinct words of the source as the match score compares them (folded, <see cref="MatchScoring.WordsOf"/>): a
    /// fuzzy search finds its candidates through this column's index by the rarest words of the segment looked up.
    /// </summary>
    public string[] SourceWords { get; private set; }

    /// <summary>The exact-lookup key (<see cref="MemoryText.KeyOf"/>).</summary>
    public Guid SourceKey { get; private set; }

    /// <summary>What makes the entry unique in its memory: the source and target with their code structure, and the context.</summary>
    public Guid PairKey { get; private set; }

    /// <summary>The surroundings it was translated in (<see cref="MemoryText.ContextOf"/>), for in-context matches.</summary>
    public Guid? ContextKey { get; private set; }

    public int WordCount { get; private set; }

    public MemoryOrigin Origin { get; private set; }

    public Guid? DocumentId { get; private set; }

    public string? SegmentKey { get; private set; }

    public Guid? AuthorId { get; private set; }

    /// <summary>Who wrote it, as a TMX file names them (creationid/changeid), for imported entries.</summary>
    public string? AuthorName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public SegmentContent SourceContent => new(Source, Codes);

    public SegmentContent TargetContent => new(Target, Codes);

    /// <summary>
    /// A memory entry from a source and its translation (whose markers refer to the source's codes), or null
    /// when there is nothing to remember: an empty side, or text beyond what a segment holds.
    /// </summary>
    public static MemoryEntry? Create(Guid projectId, string sourceLanguage, string targetLanguage, SegmentContent source, SegmentContent target,
        Guid? context, MemoryOrigin origin, DateTimeOffset at, Guid? documentId = null, string? segmentKey = null, Guid? authorId = null, string? authorName = null)
    {
        var (codes, sourceText, targetText) = Renumber(source, target);
        var sourcePlain = MemoryText.Normalize(source.PlainText);
        var targetPlain = MemoryText.Normalize(target.PlainText);
        if (sourcePlain.Length == 0 || targetPlain.Length == 0 || sourceText.Length > MaxTextLength || targetText.Length > MaxTextLength)
        {
            return null;
        }
        var normalizedSource = new SegmentContent(sourceText, codes);
        var normalizedTarget = new SegmentContent(targetText, codes);
        return new MemoryEntry
        {
            Id = Guid.CreateVersion7(at),
            ProjectId = projectId,
            SourceLanguage = sourceLanguage,
            TargetLanguage = targetLanguage,
            Source = sourceText,
            Target = targetText,
            Codes = codes,
            SourcePlain = sourcePlain,
            TargetPlain = targetPlain,
            SourceWords = WordsOf(sourcePlain),
            SourceKey = MemoryText.KeyOf(sourcePlain),
            PairKey = MemoryText.Hash($"{Shape(normalizedSource)}\u0000{Shape(normalizedTarget)}\u0000{context}"),
            ContextKey = context,
            WordCount = WordCounter.Count(sourcePlain),
            Origin = origin,
            DocumentId = documentId,
            SegmentKey = segmentKey,
            AuthorId = authorId,
            AuthorName = authorName,
            CreatedAt = at,
            UpdatedAt = at,
        };
    }

    /// <summary>The distinct words of a source, in ordinal order, as <see cref="SourceWords"/> holds them.</summary>
    public static string[] WordsOf(string sourcePlain) => [.. MatchScoring.WordsOf(sourcePlain).Words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    // The text with each code as its kind and type: the entry's identity ignores the codes' original markup.
    private static string Shape(SegmentContent content)
    {
        var shape = new StringBuilder(content.CodedText.Length);
        foreach (var c in MemoryText.Normalize(content.CodedText))
        {
            shape.Append(SegmentContent.IsMarker(c) ? $"\u0001{content.CodeAt(c).Kind}:{content.CodeAt(c).Type}:{content.CodeAt(c).Id}\u0001" : c);
        }
        return shape.ToString();
    }

    // Codes in the order the source uses them, numbered from 1 (a pair keeps one number); markers of both sides rewritten.
    private static (List<InlineCode> Codes, string Source, string Target) Renumber(SegmentContent source, SegmentContent target)
    {
        var order = new List<int>();
        foreach (var c in source.CodedText)
        {
            if (SegmentContent.IsMarker(c) && !order.Contains(c - SegmentContent.FirstMarker))
            {
                order.Add(c - SegmentContent.FirstMarker);
            }
        }
        var ids = new Dictionary<int, int>();
        var codes = new List<InlineCode>(order.Count);
        var position = new Dictionary<int, int>();
        foreach (var index in order)
        {
            var code = source.Codes[index];
            if (!ids.TryGetValue(code.Id, out var id))
            {
                id = ids.Count + 1;
                ids[code.Id] = id;
            }
            position[index] = codes.Count;
            codes.Add(code with { Id = id });
        }
        string Rewrite(string coded)
        {
            var text = new StringBuilder(coded.Length);
            foreach (var c in coded)
            {
                if (!SegmentContent.IsMarker(c))
                {
                    text.Append(c);
                }
                else if (position.TryGetValue(c - SegmentContent.FirstMarker, out var to))
                {
                    text.Append(SegmentContent.MarkerFor(to));
                }
            }
            return text.ToString();
        }
        return (codes, Rewrite(source.CodedText), Rewrite(target.CodedText));
    }
}
