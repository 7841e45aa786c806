using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;

namespace Wgig.Translate.Api.Web.Settings;

/// <summary>
/// A project's settings page: its target languages with what each holds, the escalation ladder, the repository connection
/// (never its credentials, only whether they are set), its last test, and the webhook's set-up.
/// </summary>
/// <param name="RemoveAsked">A language whose removal waits for the coordinator's confirmation.</param>
/// <param name="NewWebhookSecret">A secret just generated, shown this once so it can be pasted into GitHub.</param>
public sealed record SettingsView(Guid ProjectId, string ProjectName, string SourceLanguage, IReadOnlyList<ProjectLanguages.LanguageUse> Languages,
    LadderForm Ladder, RepositoryForm Repository, RepositoryConnection? Connection, bool IsAdmin, string WebhookUrl, string? Notice = null,
    string? NewLanguage = null, string? RemoveAsked = null, string? NewWebhookSecret = null)
{
    public string Url => $"/projects/{ProjectId}/settings";
}

/// <summary>The ladder's fields as typed: lead times in hours (empty for no such step) and the three steps on or off.</summary>
public sealed record LadderForm(string RemindBeforeClaimEnds, string RemindBeforeDeadline, bool OverdueNotice, bool ReassignLapsedWork, bool AlertCoordinators)
{
    public static LadderForm From(EscalationLadder ladder) => new(Hours(ladder.RemindBeforeClaimEnds), Hours(ladder.RemindBeforeDeadline), ladder.OverdueNotice,
        ladder.ReassignLapsedWork, ladder.AlertCoordinators);

    private static string Hours(TimeSpan? lead) => lead is { } value ? value.TotalHours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "";
}

/// <summary>The connection's fields as typed (credentials never: they are write-only and the page never echoes them).</summary>
public sealed record RepositoryForm(RepositoryHost Host, string Owner, string Name, string Branch, string SourcePattern, string TargetTemplate,
    WriteMode WriteMode, bool BranchPerPublication, bool PublishXliff, string ApiBaseUrl, string AppId, string InstallationId)
{
    public static RepositoryForm Empty { get; } = new(RepositoryHost.GitHub, "", "", "main", "papers/en/**/*.md", "papers/{lang}/{path}", WriteMode.PullRequest,
        false, false, "", "", "");

    public static RepositoryForm From(RepositoryConnection? c) => c is null
        ? Empty
        : new(c.Host, c.Owner, c.Name, c.Branch, c.SourcePattern, c.TargetTemplate, c.WriteMode, c.BranchPerPublication, c.PublishXliff, c.ApiBaseUrl ?? "",
            c.AppId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", c.InstallationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
}
