using Wgig.Translate.Api.Documents;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.MachineTranslation;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Suggestions;

namespace Wgig.Translate.Api.Suggestions;

/// <summary>A translation memory match for a segment.</summary>
/// <param name="Score">0–100; 100 for exact and in-context matches.</param>
/// <param name="Source">The match's source, with its own codes.</param>
/// <param name="Translation">The match's translation with its codes mapped onto this segment's, ready to use as runs.</param>
/// <param name="DroppedCodes">Codes of the match that this segment has no counterpart for.</param>
/// <param name="Diff">How the match's source differs from this segment's: Inserted is in the segment only, Deleted in the match only.</param>
public sealed record MemoryMatchResponse(Guid EntryId, MatchKind Kind, int Score, ContentResponse Source, ContentResponse Translation, int DroppedCodes,
    IReadOnlyList<DiffPart> Diff, Guid ProjectId, Guid? DocumentId, Guid? AuthorId, string? AuthorName, MemoryOrigin Origin, DateTimeOffset At)
{
    public static MemoryMatchResponse From(MemoryMatch m) => new(m.EntryId, m.Kind, m.Score, ContentResponse.From(m.Source), ContentResponse.From(m.Translation),
        m.DroppedCodes, m.Diff, m.ProjectId, m.DocumentId, m.AuthorId, m.AuthorName, m.Origin, m.At);
}

public sealed record TermResponse(string Language, string Text, TermStatus Status, string? PartOfSpeech, string? Note)
{
    public static TermResponse From(GlossaryTerm t) => new(t.Language, t.Text, t.Status, t.PartOfSpeech, t.Note);
}

/// <summary>A glossary entry found in the segment's source: where, and how to render it.</summary>
/// <param name="Start">Where the term starts in the source's text (without codes), in UTF-16 units.</param>
public sealed record TermMatchResponse(Guid EntryId, string SourceTerm, int Start, int Length, bool DoNotTranslate, string? Definition, string? Note,
    IReadOnlyList<TermResponse> Translations)
{
    public static TermMatchResponse From(TermMatch m) => new(m.Entry.Id, m.SourceTerm.Text, m.Start, m.Length, m.Entry.DoNotTranslate,
        m.Entry.Definition, m.Entry.Note, [.. m.Translations.Select(TermResponse.From)]);
}

/// <summary>
/// The aids for one segment × language. Machine translation is null when the project chose no engine for the
/// language or the engine gave no answer in time; checks are on the text the request names (your draft, or the current translation).
/// </summary>
public sealed record SuggestionsResponse(Guid SegmentId, string Language, IReadOnlyList<MemoryMatchResponse> Memory, MachineSuggestion? Machine,
    IReadOnlyList<TermMatchResponse> Terms, IReadOnlyList<CheckFinding> Checks)
{
    public static SuggestionsResponse From(Guid segmentId, string language, SegmentAids aids) => new(segmentId, language,
        [.. aids.Memory.Select(MemoryMatchResponse.From)], aids.Machine, [.. aids.Terms.Select(TermMatchResponse.From)], aids.Checks.Findings);
}

public sealed record ChecksResponse(IReadOnlyList<CheckFinding> Findings, bool Blocks, IReadOnlyList<string> ToAcknowledge)
{
    public static ChecksResponse From(CheckReport report) => new(report.Findings, report.Errors.Any(), [.. report.Warnings.Select(w => w.Check).Distinct()]);
}

public sealed record MuteRequest(string? Reason);
