namespace Wgig.Translate.Domain.Checks;

/// <summary>A project's level for one check, where it differs from the check's default.</summary>
public sealed class CheckSetting
{
    private CheckSetting()
    {
        Check = "";
    }

    public Guid ProjectId { get; private set; }

    public string Check { get; private set; }

    public CheckLevel Level { get; private set; }

    public Guid ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static CheckSetting Create(Guid projectId, string check, CheckLevel level, Guid changedBy, DateTimeOffset now) =>
        new() { ProjectId = projectId, Check = check, Level = level, ChangedBy = changedBy, ChangedAt = now };

    public void Change(CheckLevel level, Guid changedBy, DateTimeOffset now)
    {
        Level = level;
        ChangedBy = changedBy;
        ChangedAt = now;
    }
}
