using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Targets;

public enum TargetState
{
    Untranslated,
    Claimed,
    Translated,
    Approved,
    Rejected,
    NeedsUpdate,
}

/// <summary>
/// A segment in one target language. A segment nobody has touched in a language has no row: it is
/// untranslated. <see cref="Text"/> is coded text whose codes are the segment's source codes (the marker
/// for source code <c>i</c> is U+E000 + i), so a translation can move codes but not invent them.
/// The workflow that moves a target between states is built on this record.
/// </summary>
public sealed class Target
{
    private Target(Guid id, Guid segmentId, string language, TargetState state, string? text, DateTimeOffset updatedAt)
    {
        Id = id;
        SegmentId = segmentId;
        Language = language;
        State = state;
        Text = text;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; private set; }

    public Guid SegmentId { get; private set; }

    public string Language { get; private set; }

    public TargetState State { get; private set; }

    public string? Text { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Target Start(Guid segmentId, string language, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), segmentId, language, TargetState.Untranslated, null, now);

    /// <summary>True when the target counts as translated for progress: handed in, or approved.</summary>
    public static bool CountsAsTranslated(TargetState state) => state is TargetState.Translated or TargetState.Approved;

    /// <summary>The translation as content, its codes taken from the segment's source.</summary>
    public SegmentContent? ContentFor(SegmentContent source) => Text is null ? null : new SegmentContent(Text, source.Codes);

    /// <summary>
    /// The source sentence was edited: a finished translation no longer fits it and needs updating
    /// (the text stays as a starting point). Work in progress keeps its state.
    /// </summary>
    public void MarkSourceChanged(DateTimeOffset now)
    {
        if (State is TargetState.Translated or TargetState.Approved or TargetState.Rejected)
        {
            State = TargetState.NeedsUpdate;
            UpdatedAt = now;
        }
    }
}
