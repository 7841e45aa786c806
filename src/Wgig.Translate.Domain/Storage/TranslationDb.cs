using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Progress;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Storage;

/// <summary>All of the workflow's state, in PostgreSQL.</summary>
public sealed class TranslationDb(DbContextOptions<TranslationDb> options) : DbContext(options)
{
    public const string Schema = "translate";

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<Segment> Segments => Set<Segment>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<TargetEvent> TargetEvents => Set<TargetEvent>();

    public DbSet<Claims.Claim> Claims => Set<Claims.Claim>();

    public DbSet<DocumentProgress> DocumentProgress => Set<DocumentProgress>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TranslationDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are added in the middle.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
