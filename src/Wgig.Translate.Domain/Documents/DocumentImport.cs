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
/// <param name="Unstorable">What to do with characters storage or XML cannot hold: refuse (the default) or replace and report.</param>
public sealed record DocumentUpload(string? FileName, string? Format, byte[] Content, string? CommitSha = null, Guid? UploadedBy = null,
    UnstorableCharacters Unstorable = UnstorableCharacters.Refuse)
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
        var segmented = await SegmentAsync(importer.Value, path.Value, upload, project.SourceLanguage, cancellationToken);
        if (!segmented.Succeeded)
        {
            return segmented.Error;
        }
        if (await db.Documents.AnyAsync(d => d.ProjectId == projectId && d.Path == path.Value.Value, cancellationToken))
        {
            return new DocumentPathTaken(path.Value.Value);
        }

        var now = clock.GetUtcNow();
        var (content, drafts, replaced) = segmented.Value;
        var document = Document.Import(projectId, path.Value, importer.Value.Format, content, drafts, upload.Origin, now,
            upload.CommitSha, upload.UploadedBy);
        document.Replaced = replaced;
        // In the caller's transaction when there is one (a repository sync, the demo's set-up), else in its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await BulkCopy.WriteAsync(db, [document], cancellationToken);
            await BulkCopy.WriteAsync(db, document.Versions, cancellationToken);
            await BulkCopy.WriteAsync(db, document.Segments, cancellationToken);
            await CreateTargetsAsync(document.Id, now, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.TableName == "documents")
        {
            // Two uploads of the same path raced past the check above; the unique index decided.
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
        var segmented = await SegmentAsync(importers.For(found.Format), DocumentPath.Parse(found.Path).Value!, upload, project.SourceLanguage, cancellationToken);
        if (!segmented.Succeeded)
        {
            return segmented.Error;
        }
        var (content, drafts, replaced) = segmented.Value;

        var now = clock.GetUtcNow();
        // The row lock makes concurrent uploads of versions of one document queue up instead of racing; the segments
        // are read under it, so each version is planned against the one before. Claims of chosen segments and assigned
        // batches wait for it (DocumentLocks).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // NO KEY UPDATE, as the version's own UPDATE of the row would take: it queues versions up without stopping the rows
        // that merely refer to the document (progress, notices, events) from being written meanwhile, which a plain
        // FOR UPDATE would, making deadlocks with the work going on in the document.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM translate.documents WHERE id = {documentId} FOR NO KEY UPDATE", cancellationToken);
        await DocumentLocks.ForVersionAsync(db, documentId, cancellationToken);
        var document = await db.Documents.AsNoTracking().Include(d => d.Segments).SingleAsync(d => d.Id == documentId, cancellationToken);
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
        if (current.Sha256 == DocumentVersion.HashOf(content))
        {
            await SaveDocumentRowAsync(document, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return new SourceUpdateSummary(document.CurrentVersion, current.SegmentCount, 0, 0, 0, Identical: true) { Detached = detached, Replaced = replaced };
        }
        // Every target of the document, in the order XLIFF uploads and claims lock theirs, so that a new version queues up
        // behind them (and they behind it) instead of deadlocking.
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM translate.targets WHERE document_id = {documentId} ORDER BY ordinal NULLS LAST, id FOR NO KEY UPDATE", cancellationToken);
        var before = document.Segments.Count;
        var summary = document.ImportVersion(content, drafts, upload.Origin, now, upload.CommitSha, upload.UploadedBy) with { Replaced = replaced };
        // The translations the edit sends back to "needs update", read before the statement that sends them (under the document's
        // locks nothing else moves them meanwhile): how many approved ones per language, and whom to tell.
        Guid[] changed = [.. summary.ChangedSegmentIds];
        var sentBackStates = TargetWorkflow.SourceChanged.From.ToArray();
        var sentBack = changed.Length == 0 ? [] : await db.Targets.AsNoTracking()
            .Where(t => changed.Contains(t.SegmentId) && sentBackStates.Contains(t.State)).ToListAsync(cancellationToken);
        var approvedByLanguage = sentBack.Where(t => t.State == TargetState.Approved).GroupBy(t => t.Language)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        document.Versions[^1].SentBack(approvedByLanguage.Values.Sum());
        await SaveDocumentRowAsync(document, cancellationToken);
        await BulkCopy.WriteAsync(db, [document.Versions[^1]], cancellationToken);
        await UpdateSegmentsAsync(document.Segments.Take(before), cancellationToken);
        await BulkCopy.WriteAsync(db, document.Segments.Skip(before), cancellationToken);
        if (changed.Length > 0)
        {
            await db.Database.ExecuteSqlRawAsync(TargetSql.SourceChanged,
                [new NpgsqlParameter("segments", changed), new NpgsqlParameter("now", now)], cancellationToken);
        }
        await db.Database.ExecuteSqlRawAsync(TargetSql.Place, [new NpgsqlParameter("document", documentId)], cancellationToken);
        await CreateTargetsAsync(documentId, now, cancellationToken);
        await SourceChangeNotices.SendAsync(db, document, summary, sentBack, now, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return summary with { ApprovedNeedingUpdate = approvedByLanguage, Detached = detached };
    }

    // What a new version changes on the document's own row: its current version, its origin (a detach) and its sign-off
    // (carried to the new version when only layout changed).
    private Task<int> SaveDocumentRowAsync(Document document, CancellationToken cancellationToken)
    {
        var origin = document.Origin.ToString();
        return db.Database.ExecuteSqlAsync($"""
            UPDATE translate.documents SET current_version = {document.CurrentVersion}, origin = {origin}, signed_off_version = {document.SignedOffVersion}
            WHERE id = {document.Id}
            """, cancellationToken);
    }

    // Every current segment gets its target in every target language of the project: the queues start full.
    private Task<int> CreateTargetsAsync(Guid documentId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(TargetSql.CreateMissing("d.id = @document"),
            [new NpgsqlParameter("document", documentId), new NpgsqlParameter("now", now)], cancellationToken);

    // The segments a new version kept, edited, moved or retired: copied beside the table, then one UPDATE of the rows that differ.
    private async Task UpdateSegmentsAsync(IEnumerable<Segment> segments, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE segment_updates (LIKE translate.segments) ON COMMIT DROP", cancellationToken);
        await BulkCopy.WriteAsync(db, segments, cancellationToken, into: "segment_updates");
        var columns = BulkCopy.Columns<Segment>(db).Select(c => c.Name).Where(c => c is not ("id" or "document_id" or "key" or "added_in_version"));
        // Column names from the model, not from input.
        var update = $"""
            UPDATE translate.segments s SET {string.Join(", ", columns.Select(c => $"{c} = n.{c}"))}
            FROM segment_updates n
            WHERE s.id = n.id AND (s.*) IS DISTINCT FROM (n.*)
            """;
        await db.Database.ExecuteSqlRawAsync(update, cancellationToken);
    }

    /// <summary>What an import stores: the file's bytes (with replacements, if asked for), its sentences, and what was replaced.</summary>
    private sealed record Segmented(byte[] Content, IReadOnlyList<SegmentDraft> Drafts, Replacements Replaced);

    /// <summary>
    /// Parsing runs off the request thread under a time limit: size and nesting limits bound the work, and the limit is the
    /// last guard against an input that is slow in a way nobody foresaw. At the limit the importers and the segmenter are
    /// told to stop, and check it as they go.
    /// </summary>
    private async Task<Result<Segmented>> SegmentAsync(
        IDocumentImporter importer, DocumentPath path, DocumentUpload upload, string language, CancellationToken cancellationToken)
    {
        var (inTime, segmented) = await TimeLimit.RunAsync(token => Segment(importer, path, upload, language, token),
            limits.Value.ParseTimeout, cancellationToken);
        return inTime ? segmented! : new ImportTooSlow(limits.Value.ParseTimeout);
    }

    // Characters storage cannot hold are checked twice: in the file's text, and in the sentences, where a character
    // reference (&#1; in Markdown or HTML) can make one the file's text does not hold.
    private static Result<Segmented> Segment(IDocumentImporter importer, DocumentPath path, DocumentUpload upload, string language,
        CancellationToken cancellationToken)
    {
        // A repository's file is corrected in the repository: only an upload may have characters replaced.
        var (content, replace) = (upload.Content, upload.Unstorable == UnstorableCharacters.Replace && upload.Origin == VersionOrigin.Upload);
        if (content.Length == 0)
        {
            return new EmptyDocument(path.Value);
        }
        var replaced = Replacements.None;
        if (replace && importer.IsText)
        {
            var text = SourceText.Decode(content);
            if (!text.Succeeded)
            {
                return text.Error;
            }
            (content, replaced) = Replacements.InText(text.Value, content);
            if (replaced.Count > Math.Max(MaxReplacedCharacters, text.Value.Length / 100))
            {
                return new NotUtf8(0, $"{replaced.Count} of its {text.Value.Length} characters are control characters or noncharacters; a binary file is not a document");
            }
        }
        Result<IReadOnlyList<SourceBlock>> blocks;
        try
        {
            blocks = importer.Split(content, cancellationToken);
        }
        catch (TooManyInlineCodesException)
        {
            return new TooManyInlineCodes(SegmentContent.MaxCodes);
        }
        if (!blocks.Succeeded)
        {
            return blocks.Error is UnstorableInDocument refused && upload.Origin == VersionOrigin.Upload
                ? new UnstorableInDocument(refused.Where, refused.Problem, MayReplace: true) : blocks.Error;
        }
        var drafts = DocumentSegmentation.Segment(blocks.Value, language, cancellationToken);
        if (drafts.Count == 0)
        {
            return new EmptyDocument(path.Value);
        }
        var (cleaned, inSegments) = Replacements.InSegments(drafts);
        if (inSegments.Count > 0 && !replace)
        {
            var first = inSegments.Listed[0];
            return new UnstorableInDocument($"Segment {first.Segment} (a character reference in the file)",
                $"character {first.Character} is {first.CodePoint}, which cannot be stored: {TextRules.Allowed}", MayReplace: upload.Origin == VersionOrigin.Upload);
        }
        return new Segmented(content, cleaned, replaced.Plus(inSegments));
    }

    /// <summary>Replacing more than this many characters (or 1% of the text, if more) means the file is not text.</summary>
    public const int MaxReplacedCharacters = 1000;
}
