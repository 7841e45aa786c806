using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;

namespace Wgig.Translate.Domain.Storage;

internal sealed class KeyRingEntryConfiguration : IEntityTypeConfiguration<KeyRingEntry>
{
    public void Configure(EntityTypeBuilder<KeyRingEntry> entry)
    {
        entry.ToTable("data_protection_keys");
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.FriendlyName).HasMaxLength(200);
    }
}

internal sealed class ProjectStaffConfiguration : IEntityTypeConfiguration<ProjectStaff>
{
    public void Configure(EntityTypeBuilder<ProjectStaff> staff)
    {
        staff.Property(s => s.Id).ValueGeneratedNever();
        staff.HasIndex(s => new { s.ProjectId, s.AccountId }).IsUnique();
        staff.HasIndex(s => s.AccountId);
        staff.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        staff.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PasswordResetConfiguration : IEntityTypeConfiguration<PasswordReset>
{
    public void Configure(EntityTypeBuilder<PasswordReset> reset)
    {
        reset.Property(r => r.Id).ValueGeneratedNever();
        reset.Property(r => r.Hash).HasMaxLength(64).IsFixedLength();
        reset.HasIndex(r => r.Hash).IsUnique();
        reset.HasIndex(r => r.AccountId);
        reset.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> mail)
    {
        mail.Property(m => m.Id).ValueGeneratedNever();
        mail.Property(m => m.ToAddress).HasMaxLength(256);
        mail.Property(m => m.ToName).HasMaxLength(200);
        mail.Property(m => m.Subject).HasMaxLength(200);
        mail.Property(m => m.LastError).HasMaxLength(500);
        mail.HasIndex(m => m.CreatedAt).HasFilter("sent_at IS NULL");
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.HasKey(d => d.DeliveryId);
        delivery.Property(d => d.DeliveryId).HasMaxLength(100);
        delivery.HasIndex(d => d.ReceivedAt);
    }
}
