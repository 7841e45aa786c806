namespace Wgig.Translate.Domain.Progress;

/// <summary>
/// The folded part of one document's progress in one target language: what the Worker's fold has moved out
/// of the change ledger so far. Nothing reads it alone: <see cref="ProgressCounts"/> adds the changes not yet
/// folded, which database triggers append in the same transaction as every change of a target or segment.
/// </summary>
public sealed class DocumentProgress
{
    private DocumentProgress()
    {
        Language = "";
    }

    public Guid DocumentId { get; private set; }

    public string Language { get; private set; }

    public int TranslatedSegments { get; private set; }

    public int TranslatedWords { get; private set; }

    public int ApprovedSegments { get; private set; }

    public int ApprovedWords { get; private set; }
}
