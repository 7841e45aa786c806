using Wgig.Translate.Domain.People;

namespace Wgig.Translate.Api.Web.People;

/// <summary>The project a people page is about (none: the whole instance), with its target languages for the rights forms.</summary>
public sealed record ProjectHeading(Guid Id, string Name, IReadOnlyList<string> TargetLanguages);

/// <summary>What the people page shows: the filters as typed, one page of people, and any refusal.</summary>
public sealed record PeopleView(ProjectHeading? Project, string? Search, string? Language, string? Role, string? Status, PeoplePage People,
    IReadOnlyList<string> LanguageChoices, string? Notice = null)
{
    public string BaseUrl => Project is { } project ? $"/projects/{project.Id}/people" : "/people";

    /// <summary>This page's address with another page number, keeping the filters.</summary>
    public string Href(int page)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }
        Add("q", Search);
        Add("language", Language);
        Add("role", Role);
        Add("status", Status);
        if (page > 1)
        {
            query.Add($"page={page}");
        }
        return query.Count == 0 ? BaseUrl : $"{BaseUrl}?{string.Join('&', query)}";
    }
}
