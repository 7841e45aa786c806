using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Glossary;

/// <summary>The glossary a project works with: its own entries and those of projects sharing theirs with it.</summary>
public sealed class Glossaries(TranslationDb db)
{
    private readonly Dictionary<(Guid, string, string), (TermIndex Index, IReadOnlyList<Guid> Projects)> _indexes = [];

    // Every draft save and submission reads it: compiled once. Which projects' entries count is MemoryStore.ProjectsReadByAsync's rule.
    private static readonly Func<TranslationDb, Guid[], IAsyncEnumerable<GlossaryEntry>> EntriesOf = EF.CompileAsyncQuery((TranslationDb db, Guid[] projects) =>
        db.GlossaryEntries.AsNoTracking().Where(e => projects.Contains(e.ProjectId)).OrderBy(e => e.Id).AsQueryable());

    public async Task<List<GlossaryEntry>> EntriesForAsync(Guid projectId, CancellationToken cancellationToken) =>
        await EntriesOf(db, [.. await MemoryStore.ProjectsReadByAsync(db, projectId, SharedResource.Glossary, cancellationToken)])
            .ToListAsync(cancellationToken);

    /// <summary>The project's glossary compiled for one language pair; built once per scope (request, job).</summary>
    public async Task<TermIndex> IndexAsync(Guid projectId, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        (await IndexWithProjectsAsync(projectId, sourceLanguage, targetLanguage, cancellationToken)).Index;

    /// <summary><see cref="IndexAsync"/>, with the projects whose entries it holds (the project's own and those sharing theirs with it).</summary>
    public async Task<(TermIndex Index, IReadOnlyList<Guid> Projects)> IndexWithProjectsAsync(Guid projectId, string sourceLanguage, string targetLanguage,
        CancellationToken cancellationToken)
    {
        if (!_indexes.TryGetValue((projectId, sourceLanguage, targetLanguage), out var found))
        {
            var projects = await MemoryStore.ProjectsReadByAsync(db, projectId, SharedResource.Glossary, cancellationToken);
            found = (new TermIndex(await EntriesOf(db, [.. projects]).ToListAsync(cancellationToken), sourceLanguage, targetLanguage), projects);
            _indexes[(projectId, sourceLanguage, targetLanguage)] = found;
        }
        return found;
    }
}
