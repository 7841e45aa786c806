using LibGit2Sharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.MachineTranslation;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Worker.Demo;

/// <summary>
/// Loads the WGIG report as a demo project, once: a second run finds the project and does nothing,
/// so restarting the system never duplicates or resets the demo. With a repository directory, the
/// project is connected to a local Git repository there (created with the report on main), so the
/// demo's publications are real commits without GitHub. The repository lives below the local root like any other.
/// </summary>
public sealed class DemoProject(TranslationDb db, DocumentImport import, ICredentialProtector protector,
    IOptions<RepositoryAccessOptions> repositories, MachineTranslator machine, TimeProvider clock, ILogger<DemoProject> logger)
{
    public const string Name = "WGIG Preliminary Report 2005";

    public static readonly string[] TargetLanguages = ["ar", "zh", "fr", "ru", "es"];

    /// <param name="repositoryName">The demo repository's path below the local root (Repositories:LocalRoot), e.g. "papers.git".</param>
    public async Task LoadOnceAsync(string documentPath, string? repositoryName, CancellationToken cancellationToken)
    {
        if (await db.Projects.SingleOrDefaultAsync(p => p.NormalizedName == Project.Normalize(Name), cancellationToken) is { } loaded)
        {
            logger.LogInformation("Demo project '{Name}' is already loaded.", Name);
            await UseApertiumForSpanishAsync(loaded.Id, cancellationToken);
            if (repositoryName is not null)
            {
                await MoveUnderRootAsync(loaded.Id, repositoryName, cancellationToken);
            }
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
        var commit = repositoryName is null ? null : CreateRepository(PathBelowRoot(repositoryName), Path.GetFileName(documentPath), content);
        var document = await import.ImportNewAsync(project.Value.Id,
            new DocumentUpload(Path.GetFileName(documentPath), null, content, commit), cancellationToken);
        if (!document.Succeeded)
        {
            throw new InvalidOperationException($"The demo document did not import: {document.Error.Detail}");
        }
        if (repositoryName is not null)
        {
            db.RepositoryConnections.Add(DemoConnection(project.Value.Id, repositoryName, null));
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var draft in Glossary)
        {
            db.GlossaryEntries.Add(GlossaryEntry.Create(project.Value.Id, "en", draft, null, clock.GetUtcNow()).Value!);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await UseApertiumForSpanishAsync(project.Value.Id, cancellationToken);
        logger.LogInformation("Loaded demo project '{Name}' with {Segments} segments from {Path}.",
            Name, document.Value.Segments.Count, documentPath);
    }

    // The terms every WSIS paper uses, as the UN renders them.
    private static readonly GlossaryEntryDraft[] Glossary =
    [
        new("The World Summit on the Information Society (Geneva 2003, Tunis 2005).", null, false,
        [
            new("en", "World Summit on the Information Society"), new("fr", "Sommet mondial sur la société de l'information"),
            new("es", "Cumbre Mundial sobre la Sociedad de la Información"), new("ru", "Всемирная встреча на высшем уровне по вопросам информационного общества"),
            new("ar", "القمة العالمية لمجتمع المعلومات"), new("zh", "信息社会世界峰会"),
        ]),
        new("The summit's acronym, kept in English in working papers.", null, true, [new("en", "WSIS")]),
        new(null, "Use the UN term, not a calque.", false,
        [
            new("en", "multi-stakeholder", PartOfSpeech: "adjective"), new("fr", "multipartite"), new("fr", "multi-acteurs", "forbidden"),
            new("es", "de múltiples partes interesadas"), new("ru", "многосторонний"),
        ]),
        new(null, null, false, [new("en", "Internet governance", PartOfSpeech: "noun"), new("fr", "gouvernance de l'Internet"), new("es", "gobernanza de Internet"),
            new("ru", "управление использованием Интернета"), new("ar", "إدارة الإنترنت"), new("zh", "互联网治理")]),
    ];

    // Apertium's English→Spanish is the engine ./run starts when it is installed: the demo's Spanish uses it.
    private async Task UseApertiumForSpanishAsync(Guid projectId, CancellationToken cancellationToken)
    {
        if (!machine.IsConfigured("apertium") || await db.MachineTranslationSettings.AnyAsync(s => s.ProjectId == projectId && s.Language == "es", cancellationToken))
        {
            return;
        }
        db.MachineTranslationSettings.Add(MachineTranslationSetting.Create(projectId, "es", "apertium", Guid.Empty, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private RepositoryConnection DemoConnection(Guid projectId, string repositoryName, RepositoryConnection? previous)
    {
        var connection = RepositoryConnection.Connect(projectId, RepositoryHost.LocalGit, null, repositoryName, "main", "*.md",
            "translations/{lang}/{path}", WriteMode.Direct, false, false, null, null, null, clock.GetUtcNow(), protector, previous: previous);
        return connection.Succeeded ? connection.Value : throw new InvalidOperationException($"The demo repository is refused: {connection.Error.Detail}");
    }

    private string PathBelowRoot(string repositoryName)
    {
        var path = LocalRepositoryPath.Resolve(repositories.Value.LocalRoot, repositoryName);
        return path.Succeeded ? path.Value : throw new InvalidOperationException(path.Error.Detail);
    }

    // Before local repositories lived under one root, the demo's was named by its absolute path: it moves there once.
    private async Task MoveUnderRootAsync(Guid projectId, string repositoryName, CancellationToken cancellationToken)
    {
        var connection = await db.RepositoryConnections.SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        if (connection is not { Host: RepositoryHost.LocalGit } || !Path.IsPathRooted(connection.Name))
        {
            return;
        }
        var (old, target) = (connection.Name, PathBelowRoot(repositoryName));
        if (Directory.Exists(old) && !Directory.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(old, target);
        }
        connection.Change(DemoConnection(projectId, repositoryName, connection), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("The demo repository {Old} is now {Name} below the local root.", old, repositoryName);
    }

    // A bare repository whose main branch holds the report, unless one is there already; the head commit.
    private static string CreateRepository(string path, string fileName, byte[] content)
    {
        if (Repository.IsValid(path))
        {
            using var existing = new Repository(path);
            return existing.Branches["main"]?.Tip?.Sha ?? existing.Head.Tip.Sha;
        }
        Directory.CreateDirectory(path);
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
