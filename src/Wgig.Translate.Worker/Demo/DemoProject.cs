using LibGit2Sharp;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Worker.Demo;

/// <summary>
/// Loads the WGIG report as a demo project, once: a second run finds the project and does nothing,
/// so restarting the system never duplicates or resets the demo. With a repository directory, the
/// project is connected to a local Git repository there (created with the report on main), so the
/// demo's publications are real commits without GitHub.
/// </summary>
public sealed class DemoProject(
    TranslationDb db, DocumentImport import, TimeProvider clock, ILogger<DemoProject> logger)
{
    public const string Name = "WGIG Preliminary Report 2005";

    public static readonly string[] TargetLanguages = ["ar", "zh", "fr", "ru", "es"];

    public async Task LoadOnceAsync(string documentPath, string? repositoryPath, CancellationToken cancellationToken)
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
        // With a repository the report is kept there (a repository document, read at its commit); without, it is an upload.
        var full = repositoryPath is null ? null : Path.GetFullPath(repositoryPath);
        var commit = full is null ? null : CreateRepository(full, Path.GetFileName(documentPath), content);
        var document = await import.ImportNewAsync(project.Value.Id,
            new DocumentUpload(Path.GetFileName(documentPath), null, content, commit), cancellationToken);
        if (!document.Succeeded)
        {
            throw new InvalidOperationException($"The demo document did not import: {document.Error.Detail}");
        }
        if (full is not null)
        {
            db.RepositoryConnections.Add(RepositoryConnection.Connect(project.Value.Id, RepositoryHost.LocalGit, null, full, "main", "*.md",
                "translations/{lang}/{path}", WriteMode.Direct, false, false, null, null, null, clock.GetUtcNow()).Value!);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Loaded demo project '{Name}' with {Segments} segments from {Path}.",
            Name, document.Value.Segments.Count, documentPath);
    }

    // A bare repository whose main branch holds the report, unless one is there already; the head commit.
    private static string CreateRepository(string path, string fileName, byte[] content)
    {
        if (Repository.IsValid(path))
        {
            using var existing = new Repository(path);
            return existing.Branches["main"]?.Tip?.Sha ?? existing.Head.Tip.Sha;
        }
        Repository.Init(path, isBare: true);
        using var repository = new Repository(path);
        var tree = new TreeDefinition();
        tree.Add(fileName, repository.ObjectDatabase.CreateBlob(new MemoryStream(content)), Mode.NonExecutableFile);
        var signature = new Signature("WGIG secretariat", "secretariat@wgig.invalid", DateTimeOffset.UtcNow);
        var commit = repository.ObjectDatabase.CreateCommit(signature, signature, "The WGIG preliminary report", repository.ObjectDatabase.CreateTree(tree), [], false);
        repository.Refs.Add("refs/heads/main", commit.Id);
        return commit.Sha;
    }
}
