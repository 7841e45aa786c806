using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Suggestions;
using Wgig.Translate.Api.Translations;

namespace Wgig.Translate.Api.Tests.Aids;

/// <summary>A project with a paper, the test accounts' rights in it, and the requests the aids' tests repeat.</summary>
public sealed class Workbench(ApiFactory api)
{
    public HttpClient Coordinator { get; } = api.CreateClient(TestAccounts.CoordinatorToken);

    public HttpClient Volunteer { get; } = api.CreateClient(TestAccounts.VolunteerToken);

    public HttpClient SecondVolunteer { get; } = api.CreateClient(TestAccounts.SecondVolunteerToken);

    public async Task<Guid> AccountAsync(string email) =>
        (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();

    /// <summary>A project translating into the languages: the volunteer translates, the coordinator and the second volunteer review.</summary>
    public async Task<Guid> ProjectAsync(string name, params string[] languages)
    {
        var projectId = await Coordinator.CreateProjectAsync(name, "en", languages);
        foreach (var language in languages)
        {
            foreach (var (email, translate, review) in new[] { ("volunteer@test.example", true, false), ("coordinator@test.example", false, true), ("volunteer2@test.example", false, true) })
            {
                var granted = await Coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{await AccountAsync(email)}/languages/{language}",
                    new { canTranslate = translate, canReview = review });
                Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
            }
        }
        return projectId;
    }

    public async Task<(Guid Id, List<SegmentResponse> Segments)> PaperAsync(Guid projectId, string markdown, string name = "paper.md")
    {
        var upload = await Coordinator.UploadAsync(projectId, name, System.Text.Encoding.UTF8.GetBytes(markdown));
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var document = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var segments = (await Coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{projectId}/documents/{document.Id}/segments", ApiJson.Options))!;
        return (document.Id, [.. segments.Items]);
    }

    public async Task ClaimAllAsync(Guid projectId, Guid documentId, string language)
    {
        var response = await Volunteer.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language, words = 5000 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static string Url(Guid projectId, Guid documentId, Guid segmentId, string language) =>
        $"/api/projects/{projectId}/documents/{documentId}/segments/{segmentId}/translations/{language}";

    /// <summary>Runs in the notation of the check tests: {b1}…{/b1} a pair of the source's codes, {x2} a placeholder.</summary>
    public static object Runs(string text, params string[] acknowledge)
    {
        var runs = new List<object>();
        foreach (var part in System.Text.RegularExpressions.Regex.Split(text, @"(\{/?[a-z]+\d+\})").Where(p => p.Length > 0))
        {
            var code = System.Text.RegularExpressions.Regex.Match(part, @"^\{(/)?([a-z]+)(\d+)\}$");
            runs.Add(code.Success
                ? new { code = int.Parse(code.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), kind = code.Groups[1].Success ? "Close" : code.Groups[2].Value == "x" ? "Standalone" : "Open" }
                : new { text = part });
        }
        return new { runs, acknowledge };
    }

    /// <summary>The volunteer hands in the translation (acknowledging any warnings) and the coordinator approves it.</summary>
    public async Task ApproveAsync(Guid projectId, Guid documentId, Guid segmentId, string language, string text)
    {
        var url = Url(projectId, documentId, segmentId, language);
        var submitted = await Volunteer.PutAsJsonAsync(url, Runs(text, "numbers", "length", "final-punctuation", "glossary", "consistency", "whitespace"));
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var approved = await Coordinator.PostAsJsonAsync($"{url}/review", new { decision = "approve" });
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
    }

    public static async Task<SuggestionsResponse> SuggestionsAsync(HttpClient client, Guid projectId, Guid documentId, Guid segmentId, string language = "fr")
    {
        var response = await client.GetAsync($"{Url(projectId, documentId, segmentId, language)}/suggestions");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SuggestionsResponse>(ApiJson.Options))!;
    }

    public static async Task<TranslationResponse> SubmitAsync(HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TranslationResponse>(ApiJson.Options))!;
    }
}
