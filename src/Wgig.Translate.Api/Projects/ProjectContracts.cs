using Wgig.Translate.Domain.Projects;

namespace Wgig.Translate.Api.Projects;

/// <param name="Name">Unique among projects, ignoring case and spacing.</param>
/// <param name="SourceLanguage">BCP 47 tag of the documents' language, e.g. "en".</param>
/// <param name="TargetLanguages">BCP 47 tags to translate into, e.g. ["ar", "zh", "fr", "ru", "es"].</param>
public sealed record CreateProjectRequest(string? Name, string? SourceLanguage, IReadOnlyList<string>? TargetLanguages);

public sealed record ProjectResponse(
    Guid Id, string Name, string SourceLanguage, IReadOnlyList<string> TargetLanguages, DateTimeOffset CreatedAt)
{
    public static ProjectResponse From(Project project) =>
        new(project.Id, project.Name, project.SourceLanguage, project.TargetLanguages, project.CreatedAt);
}
