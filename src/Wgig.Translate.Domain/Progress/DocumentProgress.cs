namespace Wgig.Translate.Domain.Progress;

/// <summary>
/// How far one document is in one target language. Recounted by a job after anything that changes
/// it, so dashboards read one row instead of counting segments.
/// </summary>
public sealed class DocumentProgress
{
    private DocumentProgress()
    {
        Language = "";
    }

    public Guid DocumentId { get; private set; }

    public string Language { get; private set; }

    public int SegmentCount { get; private set; }

    public int WordCount { get; private set; }

    public int TranslatedSegments { get; private set; }

    public int TranslatedWords { get; private set; }

    public int ApprovedSegments { get; private set; }

    public int ApprovedWords { get; private set; }

    public DateTimeOffset RecountedAt { get; private set; }

    public double TranslatedPercent => WordCount == 0 ? 0 : Math.Round(100.0 * TranslatedWords / WordCount, 1);

    public double ApprovedPercent => WordCount == 0 ? 0 : Math.Round(100.0 * ApprovedWords / WordCount, 1);
}
