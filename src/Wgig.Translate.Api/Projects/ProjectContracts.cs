using Wgig.Translate.Domain.Projects;

namespace Wgig.Translate.Api.Projects;

/// <param name="Name">Unique among projects, ignoring case and spacing.</param>
/// <param name="SourceLanguage">BCP 47 tag of the documents' language, e.g. "en".</param>
/// <param name="TargetLanguages">BCP 47 tags to translate into, e.g. ["ar", "zh", "fr", "ru", "es"].</param>
public sealed record CreateProjectRequest(string? Name, string? SourceLanguage, IReadOnlyList<string>? TargetLanguages);

/// <param name="Language">BCP 47 tag of the language to translate into as well, e.g. "de".</param>
public sealed record TargetLanguageRequest(string? Language);

/// <param name="RemindBeforeClaimEnds">A duration such as "1.00:00:00" (a day); null: no reminder.</param>
/// <param name="RemindBeforeDeadline">A duration such as "2.00:00:00"; null: volunteers are not told the deadline is near.</param>
/// <param name="OverdueNotice">Tell volunteers when their claim ran out unfinished (default true).</param>
/// <param name="ReassignLapsedWork">Hand lapsed work to a backup volunteer by the balancing policy, not back to the pool (default true).</param>
/// <param name="AlertCoordinators">Tell coordinators about each lapsed claim and where its work went (default true).</param>
public sealed record EscalationLadderRequest(TimeSpan? RemindBeforeClaimEnds, TimeSpan? RemindBeforeDeadline, bool? OverdueNotice,
    bool? ReassignLapsedWork, bool? AlertCoordinators);

public sealed record ProjectResponse(
    Guid Id, string Name, string SourceLanguage, IReadOnlyList<string> TargetLanguages, DateTimeOffset CreatedAt, EscalationLadder Ladder)
{
    public static ProjectResponse From(Project project) =>
        new(project.Id, project.Name, project.SourceLanguage, project.TargetLanguages, project.CreatedAt, project.Ladder);
}
