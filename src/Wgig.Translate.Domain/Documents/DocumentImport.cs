using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Documents;

/// <param name="FileName">The document's path in the project (an upload's file name).</param>
/// <param name="Format">A format name, where the file name's ending does not say it.</param>
/// <param name="CommitSha">For a document read from the project's repository: the commit it was read at.</param>
/// <param name="UploadedBy">Who uploaded it by hand; null for a repository sync.</param>
public sealed record DocumentUpload(string? FileName, string? Format, byte[] Content, string? CommitSha = null, Guid? UploadedBy = null)
{
    public VersionOrigin Origin => CommitSha is null ? VersionOrigin.Upload : VersionOrigin.Repository;
}

/// <summary>
/// Brings documents into a project: checks the file, cuts it into segments in the project's source
/// language and stores it as a new document, or as a new version of one, all or nothing.
/// </summary>
public sealed class DocumentImport(
    TranslationDb db, ImporterCatalog importers, IOptions<DocumentLimits> limits, TimeProvider clock)
{
    public async Task<Result<Document>> ImportNewAsync(Guid projectId, DocumentUpload upload, CancellationToken cancellationToken)
    {
        if (upload.Content.LongLength > limits.Value.MaxUploadBytes)
        {
            return new UploadTooLarge(upload.Content.LongLength, limits.Value.MaxUploadBytes);
        }
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        var path = DocumentPath.Parse(upload.FileName);
        if (!path.Succeeded)
        {
            return path.Error;
        }
        var importer = importers.Choose(path.Value, upload.Format);
        if (!importer.Succeeded)
        {
            return importer.Error;
        }
        var drafts = await SegmentAsync(importer.Value, path.Value, upload.Content, project.SourceLanguage, cancellationToken);
        if (!drafts.Succeeded)
        {
            return drafts.Error;
        }
        if (await db.Documents.AnyAsync(d => d.ProjectId == projectId && d.Path == path.Value.Value, cancellationToken))
        {
            return new DocumentPathTaken(path.Value.Value);
        }

        var document = Document.Import(projectId, path.Value, importer.Value.Format, upload.Content, drafts.Value,
            upload.Origin, clock.GetUtcNow(), upload.CommitSha, upload.UploadedBy);
        db.Documents.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two uploads of the same path raced past the check above; the unique index decided.
            db.ChangeTracker.Clear();
            return new DocumentPathTaken(path.Value.Value);
        }
        return document;
    }

    /// <summary>
    /// A new version of an existing document, in its format and from its origin (a repository document changes
    /// through the repository unless <paramref name="detach"/> takes it out of its care; an uploaded one is never
    /// changed by a sync). An upload identical to the current version stores nothing. Translations of unchanged
    /// segments stay; those of edited segments are marked as needing an update, their translators told; a sign-off
    /// is voided only when the text changed, and the secretariat is told.
    /// </summary>
    public async Task<Result<SourceUpdateSummary>> ImportVersionAsync(
        Guid projectId, Guid documentId, DocumentUpload upload, CancellationToken cancellationToken, bool detach = false)
    {
        if (upload.Content.LongLength > limits.Value.MaxUploadBytes)
        {
            return new UploadTooLarge(upload.Content.LongLength, limits.Value.MaxUploadBytes);
        }
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        var found = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.ProjectId == projectId, cancellationToken);
        if (found is null)
        {
            return new DocumentNotFound(projectId, documentId);
        }
        if (found.AcceptsVersionFrom(upload.Origin, detach) is { } wrongOrigin)
        {
            return wrongOrigin;
        }
        if (importers.FormatOf(upload.FileName, upload.Content) is { } format && format != found.Format)
        {
            return new VersionFormatDiffers(found.Path, found.Format, format, upload.FileName);
        }
        var drafts = await SegmentAsync(importers.For(found.Format), DocumentPath.Parse(found.Path).Value!, upload.Content, project.SourceLanguage, cancellationToken);
        if (!drafts.Succeeded)
        {
            return drafts.Error;
        }

        var now = clock.GetUtcNow();
        // The document alone (concurrent versions queue up, claims wait), then the targets to mark in one order, as XLIFF
        // uploads lock theirs, so that nothing deadlocks with a new version.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await DocumentLocks.ForVersionAsync(db, documentId, cancellationToken);
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, cancellationToken);
        if (document.AcceptsVersionFrom(upload.Origin, detach) is { } changedMeanwhile)
        {
            return changedMeanwhile;
        }
        var current = await db.DocumentVersions.Where(v => v.DocumentId == documentId && v.Number == document.CurrentVersion)
            .Select(v => new { v.Sha256, v.SegmentCount }).SingleAsync(cancellationToken);
        var detached = detach && document.Origin == VersionOrigin.Repository;
        if (detached)
        {
            document.Detach();
        }
        if (current.Sha256 == DocumentVersion.HashOf(upload.Content))
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SourceUpdateSummary(document.CurrentVersion, current.SegmentCount, 0, 0, 0, Identical: true) { Detached = detached };
        }
        await db.Segments.Where(s => s.DocumentId == documentId).LoadAsync(cancellationToken);
        var summary = document.ImportVersion(upload.Content, drafts.Value, upload.Origin, now, upload.CommitSha, upload.UploadedBy);
        Guid[] changed = [.. summary.ChangedSegmentIds];
        var outdated = await db.Targets.FromSql($"""
            SELECT t.*, t.xmin FROM translate.targets t WHERE t.segment_id = ANY ({changed}) ORDER BY t.id FOR UPDATE
            """).ToListAsync(cancellationToken);
        var sentBack = new List<(Target Target, TargetState Was)>();
        foreach (var target in outdated)
        {
            var was = target.State;
            if (target.MarkSourceChanged(now))
            {
                sentBack.Add((target, was));
            }
        }
        var approvedByLanguage = sentBack.Where(s => s.Was == TargetState.Approved).GroupBy(s => s.Target.Language)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        document.Versions.Single(v => v.Number == summary.Version).SentBack(approvedByLanguage.Values.Sum());
        await db.SaveChangesAsync(cancellationToken);
        await SourceChangeNotices.SendAsync(db, document, summary, [.. sentBack.Select(s => s.Target)], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary with { ApprovedNeedingUpdate = approvedByLanguage, Detached = detached };
    }

    /// <summary>
    /// Parsing runs off the request thread under a time limit: size and nesting limits bound the work,
    /// and the limit is the last guard against an input that is slow in a way nobody foresaw.
    /// </summary>
    private async Task<Result<IReadOnlyList<SegmentDraft>>> SegmentAsync(
        IDocumentImporter importer, DocumentPath path, byte[] content, string language, CancellationToken cancellationToken)
    {
        var work = Task.Run(() => Segment(importer, path, content, language), cancellationToken);
        try
        {
            return await work.WaitAsync(limits.Value.ParseTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return new ImportTooSlow(limits.Value.ParseTimeout);
        }
    }

    private static Result<IReadOnlyList<SegmentDraft>> Segment(IDocumentImporter importer, DocumentPath path, byte[] content, string language)
    {
        if (content.Length == 0)
        {
            return new EmptyDocument(path.Value);
        }
        var blocks = importer.Split(content);
        if (!blocks.Succeeded)
        {
            return blocks.Error;
        }
        var drafts = DocumentSegmentation.Segment(blocks.Value, language);
        return drafts.Count == 0 ? new EmptyDocument(path.Value) : Result<IReadOnlyList<SegmentDraft>>.From(drafts);
    }
}
