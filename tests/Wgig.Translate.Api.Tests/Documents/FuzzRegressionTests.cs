using System.Net;
using System.Net.Http.Json;

namespace Wgig.Translate.Api.Tests.Documents;

/// <summary>
/// Every input the fault harness's mutation fuzzing found to break an upload (a 500, or past a limit), kept as a
/// file in FuzzRegressions/ and uploaded here over HTTP as a user would: the answer is a 2xx or a 4xx problem, a
/// refused file leaves the store as it was, and an accepted one exports again.
/// </summary>
public sealed class FuzzRegressionTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Documents", "FuzzRegressions");

    private readonly HttpClient _client = api.CreateClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Inputs() => [.. System.IO.Directory.GetFiles(Directory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task An_input_that_once_broke_an_upload_is_answered_with_a_problem_or_imported_whole(string file)
    {
        var projectId = await _client.CreateProjectAsync(targets: ["fr"]);
        var before = await api.Database.SnapshotAsync();

        var upload = await _client.UploadAsync(projectId, file, await File.ReadAllBytesAsync(Path.Combine(Directory, file)));

        if (upload.IsSuccessStatusCode)
        {
            var document = (await upload.Content.ReadFromJsonAsync<ApiCalls.IdOnly>(ApiJson.Options))!;
            var export = await _client.GetAsync($"/api/projects/{projectId}/documents/{document.Id}/export?language=fr");
            Assert.True(export.StatusCode < HttpStatusCode.InternalServerError, $"{(int)export.StatusCode}: {await export.Content.ReadAsStringAsync()}");
        }
        else
        {
            var problem = await upload.AssertProblemAsync(upload.StatusCode);
            Assert.True(upload.StatusCode < HttpStatusCode.InternalServerError, problem.ToString());
            Assert.Equal(before, await api.Database.SnapshotAsync());
        }
    }
}
