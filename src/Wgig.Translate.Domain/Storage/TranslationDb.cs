using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Progress;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Storage;

/// <summary>All of the workflow's state, in PostgreSQL, accounts included (ASP.NET Core Identity's stores).</summary>
public sealed class TranslationDb(DbContextOptions<TranslationDb> options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options)
{
    public const string Schema = "translate";

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<Segment> Segments => Set<Segment>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<TargetEvent> TargetEvents => Set<TargetEvent>();

    public DbSet<Claims.Claim> Claims => Set<Claims.Claim>();

    public DbSet<Claims.LapsedSegment> LapsedSegments => Set<Claims.LapsedSegment>();

    public DbSet<Publishing.RepositoryConnection> RepositoryConnections => Set<Publishing.RepositoryConnection>();

    public DbSet<Publishing.Publication> Publications => Set<Publishing.Publication>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Profiles.VolunteerProfile> VolunteerProfiles => Set<Profiles.VolunteerProfile>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    public DbSet<Deadlines.Deadline> Deadlines => Set<Deadlines.Deadline>();

    public DbSet<DocumentProgress> DocumentProgress => Set<DocumentProgress>();

    public DbSet<Memory.MemoryEntry> MemoryEntries => Set<Memory.MemoryEntry>();

    public DbSet<ProjectShare> ProjectShares => Set<ProjectShare>();

    public DbSet<Glossary.GlossaryEntry> GlossaryEntries => Set<Glossary.GlossaryEntry>();

    public DbSet<Checks.CheckSetting> CheckSettings => Set<Checks.CheckSetting>();

    public DbSet<MachineTranslation.MachineTranslationSetting> MachineTranslationSettings => Set<MachineTranslation.MachineTranslationSetting>();

    public DbSet<MachineTranslation.CachedMachineTranslation> MachineTranslations => Set<MachineTranslation.CachedMachineTranslation>();

    public DbSet<ProjectStaff> ProjectStaff => Set<ProjectStaff>();

    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();

    public DbSet<Notifications.OutgoingMail> OutgoingMails => Set<Notifications.OutgoingMail>();

    public DbSet<Publishing.WebhookDelivery> WebhookDeliveries => Set<Publishing.WebhookDelivery>();

    public DbSet<Security.KeyRingEntry> KeyRingEntries => Set<Security.KeyRingEntry>();

    public DbSet<Comments.Comment> Comments => Set<Comments.Comment>();

    /// <summary>The unique index that numbers each target's history: two writers appending to one history meet here.</summary>
    public const string HistorySequenceIndex = "ix_target_events_target_id_sequence";

    /// <summary>
    /// Saves, and when a draft was set aside keeps only the newest <see cref="Target.SuggestionsKept"/> of each target's
    /// set-aside drafts, in the same transaction: every path that ends a claim (release, takeover of an expired claim, a
    /// right taken away) goes through here (the store is only ever saved asynchronously); the Worker's sweep applies the same statement in its own.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Guid[] setAside = [.. ChangeTracker.Entries<TargetEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == TargetEventKind.DraftSetAside).Select(e => e.Entity.TargetId).Distinct()];
        if (setAside.Length == 0)
        {
            return await SaveNumberedHistoryAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await SaveNumberedHistoryAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Database.ExecuteSqlRawAsync(TargetSql.DropOldDrafts("SELECT unnest(@targets)", Target.SuggestionsKept),
            [new Npgsql.NpgsqlParameter("targets", setAside)], cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return saved;
    }

    /// <summary>
    /// Saves; a write that lost a race for a target's history (another transaction appended the same event number
    /// first, such as the sweep expiring the claim a submission was made under) is a concurrency conflict, as a
    /// changed row version is: callers that answer those with a 409 and the current state answer this one alike.
    /// </summary>
    private async Task<int> SaveNumberedHistoryAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException
            && e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: HistorySequenceIndex })
        {
            throw new DbUpdateConcurrencyException("Another writer appended to the target's history first.", e);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        // Trigram similarity for the translation memory's fuzzy lookups and concordance search.
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(TranslationDb).Assembly);
        // Identity names its tables "AspNetUsers" and so on; here they read like the rest of the schema.
        builder.Entity<Account>().ToTable("accounts");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("account_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("account_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("account_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("account_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are added in the middle.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
