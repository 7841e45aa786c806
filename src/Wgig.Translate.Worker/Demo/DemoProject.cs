using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Worker.Progress;

namespace Wgig.Translate.Worker.Demo;

/// <summary>
/// Loads the WGIG report as a demo project, once: a second run finds the project and does nothing,
/// so restarting the system never duplicates or resets the demo.
/// </summary>
public sealed class DemoProject(
    TranslationDb db, DocumentImport import, IBackgroundJobClient jobs, TimeProvider clock, ILogger<DemoProject> logger)
{
    public const string Name = "WGIG Preliminary Report 2005";

    public static readonly string[] TargetLanguages = ["ar", "zh", "fr", "ru", "es"];

    public async Task LoadOnceAsync(string documentPath, CancellationToken cancellationToken)
    {
        if (await db.Projects.AnyAsync(p => p.NormalizedName == Project.Normalize(Name), cancellationToken))
        {
            logger.LogInformation("Demo project '{Name}' is already loaded.", Name);
            return;
        }
        var project = Project.Create(Name, "en", TargetLanguages, clock.GetUtcNow());
        if (!project.Succeeded)
        {
            throw new InvalidOperationException($"The demo project is invalid: {project.Error.Detail}");
        }
        // Project and document together or not at all, so a failed load is retried whole next time.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Projects.Add(project.Value);
        await db.SaveChangesAsync(cancellationToken);

        var content = await File.ReadAllBytesAsync(documentPath, cancellationToken);
        var document = await import.ImportNewAsync(project.Value.Id,
            new DocumentUpload(Path.GetFileName(documentPath), null, content), cancellationToken);
        if (!document.Succeeded)
        {
            throw new InvalidOperationException($"The demo document did not import: {document.Error.Detail}");
        }
        await transaction.CommitAsync(cancellationToken);
        jobs.Enqueue<RecountDocumentProgress>(job => job.RunAsync(document.Value.Id, CancellationToken.None));
        logger.LogInformation("Loaded demo project '{Name}' with {Segments} segments from {Path}.",
            Name, document.Value.Segments.Count, documentPath);
    }
}
