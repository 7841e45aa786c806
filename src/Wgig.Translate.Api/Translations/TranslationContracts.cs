using Wgig.Translate.Api.Documents;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Translations;

/// <summary>A piece of a translation: text, or one of the source's codes by its id and kind.</summary>
public sealed record RunRequest(string? Text, int? Code, CodeKind? Kind);

/// <param name="Acknowledge">The checks whose warnings you hand the translation in with (their ids); errors cannot be acknowledged.</param>
public sealed record TranslationRequest(IReadOnlyList<RunRequest>? Runs, IReadOnlyList<string>? Acknowledge = null);

/// <param name="Decision">approve, reject (with a comment) or edit (with the corrected runs; approves them).</param>
public sealed record ReviewRequest(string? Decision, string? Comment, IReadOnlyList<RunRequest>? Runs);

/// <summary>Text a previous claimant drafted and left behind; offered to whoever translates the segment next.</summary>
public sealed record Suggestion(ContentResponse Text, Guid? AuthorId, DateTimeOffset At);

/// <param name="Draft">Your autosaved work in progress; only its author sees it.</param>
/// <param name="Suggestions">Drafts earlier claimants left behind, newest first; shown to the current claimant.</param>
public sealed record TranslationResponse(
    Guid SegmentId, string Language, TargetState State, ContentResponse? Text, Guid? TranslatorId, Guid? ClaimedBy,
    DateTimeOffset? ClaimExpiresAt, string? ReviewComment, DateTimeOffset? UpdatedAt, string Version,
    ContentResponse? Draft = null, DateTimeOffset? DraftSavedAt = null, Guid? ReviewClaimedBy = null, DateTimeOffset? ReviewClaimExpiresAt = null,
    IReadOnlyList<Suggestion>? Suggestions = null, IReadOnlyList<Domain.Checks.CheckFinding>? Checks = null)
{
    public static TranslationResponse From(Guid segmentId, string language, Target? target, SegmentContent source, uint version,
        Guid? caller = null, IReadOnlyList<Suggestion>? suggestions = null)
    {
        if (target is null)
        {
            return new(segmentId, language, TargetState.Untranslated, null, null, null, null, null, null, "0");
        }
        // Drafts are private: only the volunteer working on the segment sees theirs and the ones left before.
        var mine = caller is { } id && target.ClaimedBy == id;
        return new(segmentId, language, target.State, target.ContentFor(source) is { } text ? ContentResponse.From(text) : null,
            target.TranslatorId, target.ClaimedBy, target.ClaimExpiresAt, target.ReviewComment, target.UpdatedAt,
            version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            mine && target.Draft is { } draft ? ContentResponse.From(new SegmentContent(draft, source.Codes)) : null,
            mine ? target.DraftSavedAt : null,
            target.ReviewClaimedBy, target.ReviewClaimExpiresAt,
            mine ? suggestions : null);
    }
}

public sealed record HistoryEntry(int Sequence, TargetEventKind Kind, TargetState StateAfter, Guid? ActorId, ContentResponse? Text, string? Comment, DateTimeOffset At);

public static class RunMapping
{
    /// <summary>The runs as content whose codes are the source's: a code the source lacks is refused, not invented.</summary>
    public static Result<SegmentContent> ToContent(IReadOnlyList<RunRequest>? runs, SegmentContent source)
    {
        if (runs is null || runs.Count == 0)
        {
            return InvalidInputError.ForField("runs", "A translation needs at least one run of text.");
        }
        var text = new System.Text.StringBuilder();
        foreach (var run in runs)
        {
            if (run.Code is { } id)
            {
                var index = source.Codes.ToList().FindIndex(c => c.Id == id && c.Kind == (run.Kind ?? CodeKind.Standalone));
                if (index < 0)
                {
                    return InvalidInputError.ForField("runs", $"The source has no code {id} ({run.Kind ?? CodeKind.Standalone}).");
                }
                text.Append(SegmentContent.MarkerFor(index));
            }
            else
            {
                text.Append((run.Text ?? "").Where(c => !SegmentContent.IsMarker(c)).ToArray());
            }
        }
        return new SegmentContent(text.ToString(), source.Codes);
    }
}
