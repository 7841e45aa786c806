using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Deadlines;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Domain.Deadlines;

namespace Wgig.Translate.Api.Tests.Deadlines;

public sealed class DeadlinesApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Coordinators_set_and_move_a_deadline_per_language_and_bad_dates_are_refused()
    {
        var coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
        var projectId = await coordinator.CreateProjectAsync(targets: ["fr", "es"]);
        var document = (await (await coordinator.UploadAsync(projectId, "paper.md", "The group met.\n"u8.ToArray())).Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var url = $"/api/projects/{projectId}/documents/{document.Id}/deadlines/fr";
        var due = api.Clock.GetUtcNow().AddDays(14);

        await (await coordinator.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, "has no deadline in 'fr'");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(url, new { dueAt = due })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(url, new { dueAt = due.AddDays(7) })).StatusCode);
        var deadline = (await coordinator.GetFromJsonAsync<DeadlineResponse>(url, ApiJson.Options))!;

        Assert.Equal((due.AddDays(7), ForecastStatus.Unknown), (deadline.DueAt, deadline.Status));
        await (await coordinator.PutAsJsonAsync(url, new { dueAt = api.Clock.GetUtcNow().AddDays(-1) })).AssertProblemAsync(HttpStatusCode.BadRequest, "in the future");
        await (await coordinator.PutAsJsonAsync($"/api/projects/{projectId}/documents/{document.Id}/deadlines/de", new { dueAt = due })).AssertProblemAsync(HttpStatusCode.BadRequest, "'de' is not a target language");
    }
}
