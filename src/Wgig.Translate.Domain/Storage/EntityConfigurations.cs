using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Progress;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Storage;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.Property(p => p.Id).ValueGeneratedNever();
        project.Property(p => p.Name).HasMaxLength(Project.MaxNameLength);
        project.Property(p => p.NormalizedName).HasMaxLength(Project.MaxNameLength);
        project.HasIndex(p => p.NormalizedName).IsUnique();
        project.Property(p => p.SourceLanguage).HasMaxLength(85);
        project.PrimitiveCollection(p => p.TargetLanguages);
        project.ComplexProperty(p => p.Ladder, ladder =>
        {
            ladder.Property(l => l.RemindBeforeClaimEnds).HasColumnName("ladder_remind_before_claim_ends");
            ladder.Property(l => l.RemindBeforeDeadline).HasColumnName("ladder_remind_before_deadline");
            ladder.Property(l => l.OverdueNotice).HasColumnName("ladder_overdue_notice");
            ladder.Property(l => l.ReassignLapsedWork).HasColumnName("ladder_reassign_lapsed_work");
            ladder.Property(l => l.AlertCoordinators).HasColumnName("ladder_alert_coordinators");
        });
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> document)
    {
        document.Property(d => d.Id).ValueGeneratedNever();
        document.Ignore(d => d.Replaced);
        document.Property(d => d.Path).HasMaxLength(DocumentPath.MaxLength);
        document.HasIndex(d => new { d.ProjectId, d.Path }).IsUnique();
        document.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Restrict);
        document.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId);
        document.HasMany(d => d.Segments).WithOne().HasForeignKey(s => s.DocumentId);
        document.Navigation(d => d.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        document.Navigation(d => d.Segments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> version)
    {
        version.Property(v => v.Id).ValueGeneratedNever();
        version.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        version.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> segment)
    {
        segment.Property(s => s.Id).ValueGeneratedNever();
        segment.Property(s => s.Key).HasMaxLength(64);
        segment.Property(s => s.Number).HasMaxLength(32);
        segment.Property(s => s.SourceCodes).HasColumnType("jsonb").HasConversion(InlineCodesJson.Converter, InlineCodesJson.Comparer);
        segment.Property(s => s.PreviousSourceCodes).HasColumnType("jsonb").HasConversion(InlineCodesJson.NullableConverter, InlineCodesJson.NullableComparer);
        segment.HasIndex(s => new { s.DocumentId, s.Key }).IsUnique();
        segment.HasIndex(s => new { s.DocumentId, s.Ordinal });
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> target)
    {
        target.Property(t => t.Id).ValueGeneratedNever();
        target.Property(t => t.Language).HasMaxLength(85);
        target.HasIndex(t => new { t.SegmentId, t.Language }).IsUnique();
        target.HasOne<Segment>().WithMany().HasForeignKey(t => t.SegmentId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to documents: an import writes a target per segment and language (140,000 for a long paper
        // in six languages), and the segment's key already ties the target to its document.
        target.Property(t => t.ReviewComment).HasMaxLength(4000);
        // The queues, in document order: what may be claimed to translate, and what waits for a reviewer. Only open
        // targets are in them, so taking the next batch reads open rows only, however much is claimed or done.
        target.HasIndex(t => new { t.DocumentId, t.Language, t.Ordinal }, "TranslationQueue")
            .HasDatabaseName("ix_targets_translation_queue").HasFilter(TargetSql.TranslationQueue);
        target.HasIndex(t => new { t.DocumentId, t.Language, t.Ordinal }, "ReviewQueue")
            .HasDatabaseName("ix_targets_review_queue").HasFilter(TargetSql.ReviewQueue);
        target.HasIndex(t => t.ClaimId).HasFilter(TargetSql.HeldInClaim);
        target.HasIndex(t => t.ReviewClaimId).HasFilter("review_claim_id IS NOT NULL");
        // A claim's expiry lives on the claim alone; the target reads it through these, always loaded with it.
        target.HasOne(t => t.Lease).WithMany().HasForeignKey(t => t.ClaimId).OnDelete(DeleteBehavior.Restrict);
        target.HasOne(t => t.ReviewLease).WithMany().HasForeignKey(t => t.ReviewClaimId).OnDelete(DeleteBehavior.Restrict);
        target.Navigation(t => t.Lease).AutoInclude();
        target.Navigation(t => t.ReviewLease).AutoInclude();
        target.Ignore(t => t.ClaimExpiresAt);
        target.Ignore(t => t.ReviewClaimExpiresAt);
        target.Ignore(t => t.IsRetired);
        // My work: a volunteer's claims and reviews, and the translations sent back to them.
        target.HasIndex(t => t.ClaimedBy).HasFilter("claimed_by IS NOT NULL");
        target.HasIndex(t => t.ReviewClaimedBy).HasFilter("review_claimed_by IS NOT NULL");
        target.HasIndex(t => new { t.TranslatorId, t.State });
        target.HasMany(t => t.History).WithOne().HasForeignKey(e => e.TargetId).OnDelete(DeleteBehavior.Restrict);
        target.Navigation(t => t.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        target.Property<int>("_recorded").HasColumnName("events_recorded");
        // PostgreSQL's xmin changes with every update of the row: the optimistic concurrency token and the ETag.
        target.Property<uint>("Version").IsRowVersion();
    }
}

internal sealed class TargetEventConfiguration : IEntityTypeConfiguration<TargetEvent>
{
    public void Configure(EntityTypeBuilder<TargetEvent> history)
    {
        history.ToTable("target_events");
        history.Property(e => e.Id).ValueGeneratedNever();
        history.Property(e => e.Comment).HasMaxLength(4000);
        history.HasIndex(e => new { e.TargetId, e.Sequence }).IsUnique();
        history.HasIndex(e => new { e.ActorId, e.At });
    }
}

internal sealed class DocumentProgressConfiguration : IEntityTypeConfiguration<DocumentProgress>
{
    public void Configure(EntityTypeBuilder<DocumentProgress> progress)
    {
        progress.HasKey(p => new { p.DocumentId, p.Language });
        progress.Property(p => p.Language).HasMaxLength(85);
        progress.HasOne<Document>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claims.Claim>
{
    public void Configure(EntityTypeBuilder<Claims.Claim> claim)
    {
        claim.Property(c => c.Id).ValueGeneratedNever();
        claim.Property(c => c.Language).HasMaxLength(85);
        claim.HasIndex(c => new { c.VolunteerId, c.Kind, c.ExpiresAt });
        claim.HasIndex(c => c.ExpiresAt);
        claim.HasOne<Document>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LapsedSegmentConfiguration : IEntityTypeConfiguration<Claims.LapsedSegment>
{
    public void Configure(EntityTypeBuilder<Claims.LapsedSegment> lapsed)
    {
        // A short-lived work queue written 100,000 rows at a time by the sweep: no foreign keys, whose checks
        // would cost the sweep a lookup per row (claims and segments are never deleted anyway).
        lapsed.HasKey(l => new { l.ClaimId, l.SegmentId });
    }
}

internal sealed class RepositoryConnectionConfiguration : IEntityTypeConfiguration<Publishing.RepositoryConnection>
{
    public void Configure(EntityTypeBuilder<Publishing.RepositoryConnection> connection)
    {
        connection.HasKey(c => c.ProjectId);
        connection.HasOne<Project>().WithOne().HasForeignKey<Publishing.RepositoryConnection>(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        connection.Property(c => c.Owner).HasMaxLength(Publishing.RepositoryConnection.MaxTextLength);
        connection.Property(c => c.Name).HasMaxLength(Publishing.RepositoryConnection.MaxTextLength);
        connection.Property(c => c.Branch).HasMaxLength(Publishing.RepositoryConnection.MaxTextLength);
        connection.Property(c => c.SourcePattern).HasMaxLength(Publishing.RepositoryConnection.MaxTextLength);
        connection.Property(c => c.TargetTemplate).HasMaxLength(Publishing.RepositoryConnection.MaxTextLength);
        connection.PrimitiveCollection(c => c.LastSyncReport);
        connection.Property(c => c.CheckDetail).HasMaxLength(Publishing.RepositoryConnection.MaxTextLength * 2);
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publishing.Publication>
{
    public void Configure(EntityTypeBuilder<Publishing.Publication> publication)
    {
        publication.Property(p => p.Id).ValueGeneratedNever();
        publication.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        publication.HasIndex(p => new { p.ProjectId, p.Number }).IsUnique();
        publication.PrimitiveCollection(p => p.Languages);
        publication.PrimitiveCollection(p => p.DocumentIds);
        publication.Property(p => p.Files).HasColumnType("jsonb")
            .HasConversion(JsonColumn<Publishing.PublishedFile>.Converter, JsonColumn<Publishing.PublishedFile>.Comparer);
        publication.Property(p => p.LeftOut).HasColumnType("jsonb")
            .HasConversion(JsonColumn<Publishing.LeftOut>.Converter, JsonColumn<Publishing.LeftOut>.Comparer);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<Accounts.ApiToken>
{
    public void Configure(EntityTypeBuilder<Accounts.ApiToken> token)
    {
        token.Property(t => t.Id).ValueGeneratedNever();
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Hash).HasMaxLength(64).IsFixedLength();
        token.Property(t => t.Hint).HasMaxLength(16);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasOne<Accounts.Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Accounts.Invitation>
{
    public void Configure(EntityTypeBuilder<Accounts.Invitation> invitation)
    {
        invitation.Property(i => i.Id).ValueGeneratedNever();
        invitation.Property(i => i.Email).HasMaxLength(256);
        invitation.Property(i => i.Role).HasMaxLength(32);
        invitation.Property(i => i.Hash).HasMaxLength(64).IsFixedLength();
        invitation.HasIndex(i => i.Hash).IsUnique();
        invitation.Property(i => i.Grants).HasColumnType("jsonb")
            .HasConversion(JsonColumn<Accounts.InvitationGrant>.Converter, JsonColumn<Accounts.InvitationGrant>.Comparer);
        invitation.HasOne<Projects.Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasIndex(i => new { i.ProjectId, i.CreatedAt });
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Accounts.Account>
{
    public void Configure(EntityTypeBuilder<Accounts.Account> account) => account.Property(a => a.DisplayName).HasMaxLength(200);
}

internal sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> member)
    {
        member.Property(m => m.Id).ValueGeneratedNever();
        member.Property(m => m.Language).HasMaxLength(85);
        member.HasIndex(m => new { m.ProjectId, m.AccountId, m.Language }).IsUnique();
        member.HasIndex(m => new { m.AccountId, m.ProjectId });
        member.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<Accounts.Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VolunteerProfileConfiguration : IEntityTypeConfiguration<Profiles.VolunteerProfile>
{
    public void Configure(EntityTypeBuilder<Profiles.VolunteerProfile> profile)
    {
        profile.HasKey(p => p.AccountId);
        profile.HasOne<Accounts.Account>().WithOne().HasForeignKey<Profiles.VolunteerProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        profile.Property(p => p.Languages).HasColumnType("jsonb")
            .HasConversion(JsonColumn<Profiles.ProfileLanguage>.Converter, JsonColumn<Profiles.ProfileLanguage>.Comparer);
        profile.Property(p => p.Availability).HasColumnType("jsonb")
            .HasConversion(JsonColumn<Profiles.AvailabilityWindow>.Converter, JsonColumn<Profiles.AvailabilityWindow>.Comparer);
        profile.Property(p => p.TimeZone).HasMaxLength(64);
        profile.Property(p => p.PausedReason).HasMaxLength(Profiles.VolunteerProfile.MaxReasonLength);
        profile.Property(p => p.InterfaceLanguage).HasMaxLength(16);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Notifications.Notification> notification)
    {
        notification.Property(n => n.Id).ValueGeneratedNever();
        notification.Property(n => n.Text).HasMaxLength(Notifications.Notification.MaxTextLength);
        notification.Property(n => n.OnceKey).HasMaxLength(200);
        notification.HasIndex(n => new { n.AccountId, n.OnceKey }).IsUnique();
        notification.HasIndex(n => new { n.AccountId, n.ReadAt, n.CreatedAt });
        notification.HasOne<Accounts.Account>().WithMany().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadlines.Deadline>
{
    public void Configure(EntityTypeBuilder<Deadlines.Deadline> deadline)
    {
        deadline.Property(d => d.Id).ValueGeneratedNever();
        deadline.Property(d => d.Language).HasMaxLength(85);
        deadline.HasIndex(d => new { d.DocumentId, d.Language }).IsUnique();
        deadline.HasOne<Document>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemoryEntryConfiguration : IEntityTypeConfiguration<Memory.MemoryEntry>
{
    public void Configure(EntityTypeBuilder<Memory.MemoryEntry> entry)
    {
        entry.ToTable("memory_entries");
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.SourceLanguage).HasMaxLength(85);
        entry.Property(e => e.TargetLanguage).HasMaxLength(85);
        entry.Property(e => e.Codes).HasColumnType("jsonb").HasConversion(InlineCodesJson.Converter, InlineCodesJson.Comparer);
        entry.Property(e => e.SegmentKey).HasMaxLength(64);
        entry.Property(e => e.AuthorName).HasMaxLength(200);
        entry.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.ProjectId, e.SourceLanguage, e.TargetLanguage, e.PairKey }).IsUnique();
        entry.HasIndex(e => new { e.SourceKey, e.SourceLanguage, e.TargetLanguage });
        // pg_trgm: fuzzy lookups (%) and concordance (ILIKE) in both languages go through these.
        entry.HasIndex(e => e.SourcePlain).HasMethod("gin").HasOperators("gin_trgm_ops");
        entry.HasIndex(e => e.TargetPlain).HasMethod("gin").HasOperators("gin_trgm_ops");
        // Fuzzy lookups find their candidates by a few rare words of the segment (overlap, &&): short posting lists.
        entry.HasIndex(e => e.SourceWords).HasMethod("gin");
    }
}

internal sealed class ProjectShareConfiguration : IEntityTypeConfiguration<ProjectShare>
{
    public void Configure(EntityTypeBuilder<ProjectShare> share)
    {
        share.HasKey(s => new { s.ProjectId, s.Resource, s.OwnerProjectId });
        share.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        share.HasOne<Project>().WithMany().HasForeignKey(s => s.OwnerProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GlossaryEntryConfiguration : IEntityTypeConfiguration<Glossary.GlossaryEntry>
{
    public void Configure(EntityTypeBuilder<Glossary.GlossaryEntry> entry)
    {
        entry.ToTable("glossary_entries");
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.Definition).HasMaxLength(Glossary.GlossaryEntry.MaxTextLength);
        entry.Property(e => e.Note).HasMaxLength(Glossary.GlossaryEntry.MaxTextLength);
        entry.Property(e => e.Terms).HasColumnType("jsonb")
            .HasConversion(JsonColumn<Glossary.GlossaryTerm>.Converter, JsonColumn<Glossary.GlossaryTerm>.Comparer);
        entry.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => e.ProjectId);
    }
}

internal sealed class CheckSettingConfiguration : IEntityTypeConfiguration<Checks.CheckSetting>
{
    public void Configure(EntityTypeBuilder<Checks.CheckSetting> setting)
    {
        setting.ToTable("check_settings");
        setting.HasKey(s => new { s.ProjectId, s.Check });
        setting.Property(s => s.Check).HasMaxLength(64);
        setting.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MachineTranslationSettingConfiguration : IEntityTypeConfiguration<MachineTranslation.MachineTranslationSetting>
{
    public void Configure(EntityTypeBuilder<MachineTranslation.MachineTranslationSetting> setting)
    {
        setting.ToTable("machine_translation_settings");
        setting.HasKey(s => new { s.ProjectId, s.Language });
        setting.Property(s => s.Language).HasMaxLength(85);
        setting.Property(s => s.Engine).HasMaxLength(64);
        setting.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CachedMachineTranslationConfiguration : IEntityTypeConfiguration<MachineTranslation.CachedMachineTranslation>
{
    public void Configure(EntityTypeBuilder<MachineTranslation.CachedMachineTranslation> cached)
    {
        cached.ToTable("machine_translations");
        cached.HasKey(c => new { c.Engine, c.SourceLanguage, c.TargetLanguage, c.SourceKey });
        cached.Property(c => c.Engine).HasMaxLength(64);
        cached.Property(c => c.SourceLanguage).HasMaxLength(85);
        cached.Property(c => c.TargetLanguage).HasMaxLength(85);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comments.Comment>
{
    public void Configure(EntityTypeBuilder<Comments.Comment> comment)
    {
        comment.Property(c => c.Id).ValueGeneratedNever();
        comment.Property(c => c.Language).HasMaxLength(85);
        comment.Property(c => c.Text).HasMaxLength(Comments.Comment.MaxLength);
        comment.HasIndex(c => new { c.SegmentId, c.Language, c.CreatedAt });
        comment.HasOne<Segment>().WithMany().HasForeignKey(c => c.SegmentId).OnDelete(DeleteBehavior.Restrict);
        comment.HasOne<Accounts.Account>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
