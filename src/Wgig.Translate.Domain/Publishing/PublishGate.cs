using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Publishing;

public sealed record NotReadyToSignOff(string Reason) : ConflictError("Not ready to sign off",
    $"{Reason}. A paper is signed off when all its required languages are approved in full.");

public sealed record NotConnected(Guid ProjectId) : ConflictError("No repository",
    $"Project '{ProjectId}' is not connected to a document repository; connect one with PUT /api/projects/{ProjectId}/repository.");

public sealed record GateClosed(IReadOnlyList<string> Reasons) : ConflictError("The publish gate is closed",
    $"{string.Join("; ", Reasons)}. Publish a paper when all its required languages are approved and it is signed off, or publish a subset explicitly (subset: true).");

/// <summary>
/// The publish gate: a paper (a document) goes out when every required language (the project's target
/// languages) is approved in full and the secretariat signed off its current version. The secretariat may
/// instead publish a subset explicitly, which skips the gate (never the approval of each file published).
/// </summary>
public static partial class PublishGate
{
    /// <summary>
    /// A publication requested: the languages (none: all the project's; fewer than all only as an explicit subset)
    /// and documents (none: every one) checked, the repository connected, the gate open unless a subset is asked
    /// for, and the next number of the project's publications taken (a concurrent request taking the same number
    /// makes this one take the next).
    /// </summary>
    public static async Task<Result<Publication>> RequestAsync(TranslationDb db, Guid projectId, IReadOnlyList<string>? languages,
        IReadOnlyList<Guid>? documentIds, bool subset, Guid requestedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        var errors = new ValidationErrors();
        var chosen = new List<string>();
        foreach (var language in languages ?? [])
        {
            if (!LanguageTag.TryNormalize(language, out var tag, out _) || !project.TranslatesInto(tag))
            {
                errors.Add("languages", $"'{language}' is not a target language of the project ({string.Join(", ", project.TargetLanguages)}).");
            }
            else if (!chosen.Contains(tag))
            {
                chosen.Add(tag);
            }
        }
        if (chosen.Count == 0 && !errors.Any)
        {
            chosen.AddRange(project.TargetLanguages);
        }
        if (!subset && chosen.Count < project.TargetLanguages.Count && !errors.Any)
        {
            errors.Add("subset", $"A paper is published in all its languages ({string.Join(", ", project.TargetLanguages)}); to publish only some, say subset: true.");
        }
        var papers = (documentIds ?? []).Distinct().ToList();
        var known = await db.Documents.Where(d => d.ProjectId == projectId && papers.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var missing in papers.Except(known))
        {
            errors.Add("documentIds", $"Document '{missing}' is not in this project.");
        }
        if (errors.Any)
        {
            return errors.ToError("Invalid publication");
        }
        if (!await db.RepositoryConnections.AnyAsync(c => c.ProjectId == projectId, cancellationToken))
        {
            return new NotConnected(projectId);
        }
        if (!subset)
        {
            var closed = (await ForAsync(db, project, papers.Count == 0 ? null : papers, cancellationToken)).Where(g => !g.MayPublish).ToList();
            if (closed.Count > 0)
            {
                return new GateClosed([.. closed.Select(g => g.WhyNot())]);
            }
        }
        for (var attempt = 0; ; attempt++)
        {
            var number = (await db.Publications.Where(p => p.ProjectId == projectId).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0) + 1;
            var publication = Publication.Request(projectId, number, requestedBy, chosen, papers, now);
            db.Publications.Add(publication);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return publication;
            }
            catch (DbUpdateException e) when (attempt < 5 && e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear(); // another publication took the number
            }
        }
    }

    public static async Task<IReadOnlyList<PaperGate>> ForAsync(TranslationDb db, Project project, IReadOnlyCollection<Guid>? documentIds,
        CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.ProjectId == project.Id && (documentIds == null || documentIds.Contains(d.Id))).OrderBy(d => d.Path).ToListAsync(cancellationToken);
        var ids = documents.Select(d => d.Id).ToList();
        var segments = await db.Segments.Where(s => ids.Contains(s.DocumentId) && s.RetiredInVersion == null)
            .GroupBy(s => s.DocumentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var states = await db.Targets
            .Join(db.Segments.Where(s => ids.Contains(s.DocumentId) && s.RetiredInVersion == null), t => t.SegmentId, s => s.Id, (t, s) => new { s.DocumentId, t.Language, t.State })
            .Where(x => x.State == TargetState.Approved || x.State == TargetState.Translated)
            .GroupBy(x => new { x.DocumentId, x.Language, x.State }).Select(g => new { g.Key.DocumentId, g.Key.Language, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => ids.Contains(d.DocumentId)).ToListAsync(cancellationToken);
        var names = await AccountNames.ReadAsync(db, documents.Select(d => d.SignedOffBy), cancellationToken);
        return [.. documents.Select(document =>
        {
            var total = segments.GetValueOrDefault(document.Id);
            int Count(string language, TargetState state) =>
                states.Where(s => s.DocumentId == document.Id && s.Language == language && s.State == state).Sum(s => s.Count);
            return new PaperGate(document.Id, document.Path, document.CurrentVersion, document.SignedOffVersion, document.SignedOffBy,
                document.SignedOffBy is { } signer ? names.GetValueOrDefault(signer) : null, document.SignedOffAt,
                [.. project.TargetLanguages.Select(language =>
                {
                    var approved = Count(language, TargetState.Approved);
                    return new LanguageReadiness(language, total, approved, Count(language, TargetState.Translated),
                        total == 0 ? 0 : Math.Round(100.0 * approved / total, 1),
                        deadlines.FirstOrDefault(d => d.DocumentId == document.Id && d.Language == language)?.Status);
                })]);
        })];
    }

    /// <summary>The secretariat signs a paper off, once all its required languages are approved in full.</summary>
    public static async Task<Result<PaperGate>> SignOffAsync(TranslationDb db, Guid projectId, Guid documentId, Guid by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.ProjectId == projectId, cancellationToken);
        if (document is null)
        {
            return new DocumentNotFound(projectId, documentId);
        }
        var gate = (await ForAsync(db, project, [documentId], cancellationToken)).Single();
        if (!gate.Ready)
        {
            return new NotReadyToSignOff(gate.WhyNot());
        }
        document.SignOff(by, now);
        await db.SaveChangesAsync(cancellationToken);
        var signer = await AccountNames.ReadAsync(db, [by], cancellationToken);
        return gate with { SignedOffVersion = document.SignedOffVersion, SignedOffBy = by, SignedOffByName = signer.GetValueOrDefault(by), SignedOffAt = now };
    }
}
