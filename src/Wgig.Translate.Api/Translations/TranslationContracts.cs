using Wgig.Translate.Api.Documents;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Suggestions;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Translations;

/// <summary>A piece of a translation: text, or one of the source's codes by its id and kind.</summary>
public sealed record RunRequest(string? Text, int? Code, CodeKind? Kind);

/// <param name="Acknowledge">The checks whose warnings you hand the translation in with (their ids); errors cannot be acknowledged.</param>
public sealed record TranslationRequest(IReadOnlyList<RunRequest>? Runs, IReadOnlyList<string>? Acknowledge = null);

/// <param name="Decision">approve, reject (with a comment) or edit (with the corrected runs; approves them).</param>
public sealed record ReviewRequest(string? Decision, string? Comment, IReadOnlyList<RunRequest>? Runs);

/// <summary>Text offered for the segment, never applied without the translator: today the drafts earlier claimants left behind.</summary>
/// <param name="Kind">SetAsideDraft, TranslationMemory, Glossary or MachineTranslation.</param>
/// <param name="Score">A match's percentage, when it has one.</param>
/// <param name="Origin">Where it was found, in words.</param>
public sealed record Suggestion(ContentResponse Text, Guid? AuthorId, DateTimeOffset? At, SuggestionKind Kind = SuggestionKind.SetAsideDraft,
    int? Score = null, string? Origin = null, string? AuthorName = null)
{
    public static Suggestion From(Domain.Suggestions.Suggestion suggestion, IReadOnlyDictionary<Guid, string> names) =>
        new(ContentResponse.From(suggestion.Text), suggestion.AuthorId, suggestion.At, suggestion.Kind, suggestion.Score, suggestion.Origin,
            PersonNames.Of(names, suggestion.AuthorId));
}

/// <summary>People are shown by name: the names of the accounts an answer mentions, read once per answer.</summary>
public static class PersonNames
{
    public static string? Of(IReadOnlyDictionary<Guid, string> names, Guid? accountId) =>
        accountId is { } id ? names.GetValueOrDefault(id) : null;

    /// <summary>The translator, claimant and review claimant of a translation: the people its answer names besides the authors of what is offered.</summary>
    public static IEnumerable<Guid?> In(Target? target) => target?.People ?? [];
}

/// <param name="Draft">Your autosaved work in progress; only its author sees it.</param>
/// <param name="Suggestions">Text offered for the segment (drafts earlier claimants left behind, newest first); shown to the current claimant.</param>
public sealed record TranslationResponse(
    Guid SegmentId, string Language, TargetState State, ContentResponse? Text, Guid? TranslatorId, Guid? ClaimedBy,
    DateTimeOffset? ClaimExpiresAt, string? ReviewComment, DateTimeOffset? UpdatedAt, string Version,
    ContentResponse? Draft = null, DateTimeOffset? DraftSavedAt = null, Guid? ReviewClaimedBy = null, DateTimeOffset? ReviewClaimExpiresAt = null,
    IReadOnlyList<Suggestion>? Suggestions = null, IReadOnlyList<Domain.Checks.CheckFinding>? Checks = null,
    string? TranslatorName = null, string? ClaimedByName = null, string? ReviewClaimedByName = null)
{
    /// <summary>
    /// The answer about a translation, with its people's names and, when <paramref name="offerDrafts"/>, the drafts earlier claimants
    /// left (the other aids are …/suggestions, not asked on every write): one round trip, none after a draft or a submission,
    /// which read them with their other reads.
    /// </summary>
    public static async Task<TranslationResponse> ReadAsync(SetAsideDrafts drafts, TranslationContext context, bool offerDrafts,
        CancellationToken cancellationToken)
    {
        if (offerDrafts && context.Answer is { } answer)
        {
            return From(context, answer.Names, answer.OfferedAfter(context.Target, context.Caller));
        }
        var request = new SuggestionRequest(context.Place, context.Segment, offerDrafts ? context.Target : null, context.Caller, [SuggestionKind.SetAsideDraft]);
        var (offered, names) = await drafts.WithNamesAsync(request, PersonNames.In(context.Target), cancellationToken);
        return From(context, names, offerDrafts ? offered : null);
    }

    public static TranslationResponse From(TranslationContext context, IReadOnlyDictionary<Guid, string> names,
        IReadOnlyList<Domain.Suggestions.Suggestion>? suggestions = null)
    {
        var (segment, target, caller) = (context.Segment, context.Target, context.Caller);
        var source = segment.Content;
        if (target is null)
        {
            return new(segment.Id, context.Language, TargetState.Untranslated, null, null, null, null, null, null, context.Version);
        }
        // Drafts are private: only the volunteer working on the segment sees theirs and the ones left before.
        var mine = target.ClaimedBy == caller;
        return new(segment.Id, context.Language, target.State, target.ContentFor(source) is { } text ? ContentResponse.From(text) : null,
            target.TranslatorId, target.ClaimedBy, target.ClaimExpiresAt, target.ReviewComment, target.UpdatedAt, context.Version,
            mine && target.Draft is { } draft ? ContentResponse.From(new SegmentContent(draft, source.Codes)) : null,
            mine ? target.DraftSavedAt : null,
            target.ReviewClaimedBy, target.ReviewClaimExpiresAt,
            mine || suggestions is { Count: > 0 } ? [.. (suggestions ?? []).Select(s => Suggestion.From(s, names))] : null, null,
            PersonNames.Of(names, target.TranslatorId), PersonNames.Of(names, target.ClaimedBy), PersonNames.Of(names, target.ReviewClaimedBy));
    }
}

/// <param name="ActorId">Who did it (their account id; none for the system); <paramref name="ActorName"/> is how people see them.</param>
public sealed record HistoryEntry(int Sequence, TargetEventKind Kind, TargetState StateAfter, Guid? ActorId, string? ActorName, ContentResponse? Text, string? Comment,
    DateTimeOffset At);

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
