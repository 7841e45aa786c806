using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Memory;

/// <param name="Filled">Segments pre-translated, by kind of match.</param>
/// <param name="Untranslated">Untranslated segments looked at.</param>
public sealed record PretranslationReport(string Language, int Untranslated, int InContext, int Exact)
{
    public int Filled => InContext + Exact;
}

/// <summary>
/// Fills the untranslated segments of a document × language from certain memory matches: in-context ones, and
/// (unless only those are asked for) exact ones whose codes map without loss. Each goes through the target's
/// Pretranslate transition, so the history marks it and it waits for review like any submission.
/// </summary>
public sealed class Pretranslation(TranslationDb db, TranslationMemory memory, TimeProvider clock)
{
    private const int SaveEvery = 500;

    public async Task<PretranslationReport> RunAsync(DocumentLanguage target, Guid coordinatorId, bool inContextOnly, CancellationToken cancellationToken)
    {
        var (project, document, language) = target;
        var projects = await MemoryStore.ProjectsReadByAsync(db, project.Id, SharedResource.Memory, cancellationToken);
        var segments = await db.Segments.AsNoTracking().Where(s => s.DocumentId == document.Id && s.RetiredInVersion == null)
            .OrderBy(s => s.Ordinal).ToListAsync(cancellationToken);
        var existing = await db.Targets.Where(t => t.Language == language && segments.Select(s => s.Id).Contains(t.SegmentId))
            .ToDictionaryAsync(t => t.SegmentId, cancellationToken);
        var open = segments.Where(s => existing.GetValueOrDefault(s.Id) is not { } t || t.State == TargetState.Untranslated).ToList();
        var ordinals = segments.ToDictionary(s => s.Ordinal, s => s.Content.PlainText);
        var matches = await memory.CertainMatchesAsync(projects, project.SourceLanguage, language,
            [.. open.Select(s => (s.Content, MemoryText.ContextOf(ordinals.GetValueOrDefault(s.Ordinal - 1), ordinals.GetValueOrDefault(s.Ordinal + 1))))],
            cancellationToken);
        int inContext = 0, exact = 0, pending = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < open.Count; i++)
        {
            var segment = open[i];
            if (matches[i] is not { } best || (inContextOnly && best.Kind != MatchKind.InContext))
            {
                continue;
            }
            var now = clock.GetUtcNow();
            var row = existing.GetValueOrDefault(segment.Id);
            if (row is null)
            {
                row = Target.Start(segment, language, now);
                db.Targets.Add(row);
            }
            var note = best.Kind == MatchKind.InContext ? "Pre-translated from an in-context translation memory match" : "Pre-translated from a 100% translation memory match";
            if (row.Pretranslate(coordinatorId, best.Translation, segment.Content, note, now) is null)
            {
                _ = best.Kind == MatchKind.InContext ? inContext++ : exact++;
                if (++pending >= SaveEvery)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    pending = 0;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PretranslationReport(language, open.Count, inContext, exact);
    }
}
