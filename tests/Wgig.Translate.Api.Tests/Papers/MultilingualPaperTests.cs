using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Domain.Papers;

namespace Wgig.Translate.Api.Tests.Papers;

public sealed class MultilingualPaperTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _volunteer = api.CreateClient(TestAccounts.VolunteerToken);
    private readonly HttpClient _reviewer = api.CreateClient(TestAccounts.SecondVolunteerToken);

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Approved_languages_stand_beside_the_source_under_the_papers_own_labels()
    {
        var projectId = await _coordinator.CreateProjectAsync(targets: ["fr", "ar"]);
        var paper = "# Report\n\n1. The group met twice. It drafted a report.\n\n2. The report is open to all.\n"u8.ToArray();
        var document = (await (await _coordinator.UploadAsync(projectId, "report.md", paper)).Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/volunteer@test.example/languages/fr", new { canTranslate = true, canReview = false });
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/volunteer2@test.example/languages/fr", new { canTranslate = false, canReview = true });
        var url = $"/api/projects/{projectId}/documents/{document.Id}";
        var claim = (await (await _volunteer.PostAsJsonAsync($"{url}/claims", new { language = "fr", words = 1000 })).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        var french = new[] { "Rapport", "Le groupe s’est réuni deux fois.", "Il a rédigé un rapport.", "Le rapport est ouvert à tous." };
        Assert.Equal(french.Length, claim.SegmentIds.Count);
        for (var i = 0; i < french.Length; i++)
        {
            (await _volunteer.PutAsJsonAsync($"{url}/segments/{claim.SegmentIds[i]}/translations/fr", new { runs = new[] { new { text = french[i] } } }))
                .EnsureSuccessStatusCode();
        }
        var review = (await (await _reviewer.PostAsJsonAsync($"{url}/reviews", new { language = "fr" })).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        (await _reviewer.PostAsync($"{url}/reviews/{review.ClaimId}/approve", null)).EnsureSuccessStatusCode();

        var view = (await _volunteer.GetFromJsonAsync<MultilingualPaperView>($"{url}/paper/blocks", ApiJson.Options))!;

        Assert.Equal([("fr", true), ("ar", false)], view.Languages.Select(l => (l.Language, l.Complete)));
        Assert.Equal([null, "1.", "2."], view.Blocks.Select(b => b.Label)); // as printed, with their stops
        Assert.Equal("The group met twice. It drafted a report.", view.Blocks[1].Source);
        Assert.Equal("Le groupe s’est réuni deux fois. Il a rédigé un rapport.", view.Blocks[1].Translations["fr"]);
        Assert.False(view.Blocks[1].Translations.ContainsKey("ar"));
    }

    [Fact]
    public async Task A_document_of_another_project_is_not_found()
    {
        var projectId = await _coordinator.CreateProjectAsync(targets: ["fr"]);

        var response = await _coordinator.GetAsync($"/api/projects/{projectId}/documents/{Guid.NewGuid()}/paper/blocks");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
