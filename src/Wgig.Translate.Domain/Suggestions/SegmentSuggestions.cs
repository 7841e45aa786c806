using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.MachineTranslation;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Suggestions;

/// <summary>Everything the editor's suggestion panel shows for one segment × language.</summary>
/// <param name="Checks">The checks on <c>text</c> (the draft or translation shown), if one was given.</param>
public sealed record SegmentAids(IReadOnlyList<MemoryMatch> Memory, MachineSuggestion? Machine, IReadOnlyList<TermMatch> Terms, CheckReport Checks);

/// <summary>
/// Gathers the aids for a segment: memory matches, the machine translation (asked while the memory is
/// searched, within its time budget), the glossary entries found in the source and the check findings.
/// </summary>
public sealed class SegmentSuggestions(TranslationDb db, TranslationMemory memory, MachineTranslator machine, Glossaries glossaries, SegmentChecks checks)
{
    public async Task<SegmentAids> ForAsync(DocumentLanguage target, Segment segment, Target? row, SegmentContent? text, CancellationToken cancellationToken)
    {
        var (project, _, language) = target;
        var machineRequest = await machine.PrepareAsync(project.Id, project.SourceLanguage, language, segment.Content, cancellationToken);
        var fetch = machineRequest is { Cached: null } ? machine.FetchAsync(machineRequest, cancellationToken) : Task.FromResult<string?>(null);

        var projects = await MemoryStore.ProjectsReadByAsync(db, project.Id, SharedResource.Memory, cancellationToken);
        var matches = await memory.LookupAsync(projects, project.SourceLanguage, language, segment.Content,
            await memory.ContextAsync(segment, cancellationToken), cancellationToken);
        var terms = (await glossaries.IndexAsync(project.Id, project.SourceLanguage, language, cancellationToken)).Find(segment.Content.PlainText);
        var report = text is { CodedText.Length: > 0 } ? await checks.RunAsync(project.Id, language, segment, row, text, cancellationToken) : CheckReport.Clean;

        var suggestion = machineRequest is null ? null : await machine.CompleteAsync(machineRequest, await fetch, cancellationToken);
        return new SegmentAids(matches, suggestion, terms, report);
    }
}
