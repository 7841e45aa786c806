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
