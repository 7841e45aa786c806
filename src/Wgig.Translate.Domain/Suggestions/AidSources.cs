using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.MachineTranslation;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Suggestions;

/// <summary>
/// Translation memory matches for the segment: in context, exact, then fuzzy by score, from the project's memory and
/// the memories shared with it, each with its source's differences and its codes mapped onto the segment's.
/// </summary>
public sealed class MemorySuggestions(TranslationDb db, TranslationMemory memory) : ISuggestionSource
{
    public SuggestionKind Kind => SuggestionKind.TranslationMemory;

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken)
    {
        var (project, _, language) = request.Place;
        var projects = await MemoryStore.ProjectsReadByAsync(db, project.Id, SharedResource.Memory, cancellationToken);
        var matches = await memory.LookupAsync(projects, project.SourceLanguage, language, request.Segment.Content,
            await memory.ContextAsync(request.Segment, cancellationToken), cancellationToken);
        return [.. matches.Select(m => new Suggestion(SuggestionKind.TranslationMemory, m.Translation, m.AuthorId, m.At, m.Score,
            m.AuthorId is null ? m.AuthorName : null) { Match = m })];
    }
}

/// <summary>
/// The glossary entries whose source terms occur in the segment (by word forms), in text order; each offers its
/// preferred rendering (the source term itself when it is not to be translated), none when only forbidden ones are known.
/// </summary>
public sealed class GlossarySuggestions(Glossaries glossaries) : ISuggestionSource
{
    public SuggestionKind Kind => SuggestionKind.Glossary;

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken)
    {
        var (project, _, language) = request.Place;
        var index = await glossaries.IndexAsync(project.Id, project.SourceLanguage, language, cancellationToken);
        return [.. index.Find(request.Segment.Content.PlainText).Select(term => new Suggestion(SuggestionKind.Glossary,
            Suggestion.Plain(term.Allowed.FirstOrDefault()?.Text ?? ""), null, null, null, term.SourceTerm.Text) { Term = term })];
    }
}

/// <summary>
/// The machine translation of the project's engine for the language (cached per source text, within the engine's time
/// budget); nothing when the project chose none or the engine did not answer in time.
/// </summary>
public sealed class MachineSuggestions(MachineTranslator machine) : ISuggestionSource
{
    public SuggestionKind Kind => SuggestionKind.MachineTranslation;

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken)
    {
        var (project, _, language) = request.Place;
        var suggestion = await machine.SuggestAsync(project.Id, project.SourceLanguage, language, request.Segment.Content, cancellationToken);
        return suggestion is null ? [] : [new Suggestion(SuggestionKind.MachineTranslation,
            Suggestion.Plain(suggestion.Text), null, null, null, suggestion.Engine) { Machine = suggestion }];
    }
}
