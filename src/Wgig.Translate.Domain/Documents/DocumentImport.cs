using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Documents;

/// <param name="FileName">The document's path in the project (an upload's file name).</param>
/// <param name="Format">A format name, where the file name's ending does not tell it.</param>
public sealed record DocumentUpload(string? FileName, string? Format, byte[] Content);

/// <summary>
/// Brings a new document into a project: checks it, splits it and stores it with its first version,
/// all or nothing.
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
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new Projects.ProjectNotFound(projectId);
        }
        var path = DocumentPath.Parse(upload.FileName);
        if (!path.Succeeded)
        {
            return path.Error;
        }
        if (upload.Content.Length == 0)
        {
            return new EmptyDocument(path.Value.Value);
        }
        var importer = importers.Choose(path.Value, upload.Format);
        if (!importer.Succeeded)
        {
            return importer.Error;
        }
        var blocks = importer.Value.Split(upload.Content);
        if (!blocks.Succeeded)
        {
            return blocks.Error;
        }
        if (blocks.Value.Count == 0)
        {
            return new EmptyDocument(path.Value.Value);
        }
        if (await db.Documents.AnyAsync(d => d.ProjectId == projectId && d.Path == path.Value.Value, cancellationToken))
        {
            return new DocumentPathTaken(path.Value.Value);
        }

        var document = Document.Import(projectId, path.Value, importer.Value.Format, upload.Content, blocks.Value,
            VersionOrigin.Upload, clock.GetUtcNow());
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
}
