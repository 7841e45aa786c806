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
/// A segment in one target language. A segment nobody has touched in a language has no row:
/// it is untranslated. The workflow that moves a target between states is built on this record.
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
}
