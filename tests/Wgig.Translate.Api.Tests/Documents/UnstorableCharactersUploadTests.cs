using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Domain.Documents;

namespace Wgig.Translate.Api.Tests.Documents;

/// <summary>
/// A document holding characters storage or XML cannot hold: refused by default, naming the first one and how to keep
/// going; imported with each replaced by U+FFFD, and each listed, when the upload asks for it.
/// </summary>
public sealed class UnstorableCharactersUploadTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    // U+0001 at line 3, column 10 (character 19); U+FFFF at line 5, column 7 (character 39).
    private static readonly byte[] Stray = Encoding.UTF8.GetBytes("# Title\n\nThe group\u0001 met twice.\n\nIt set\uFFFF a time frame.\n");

    private readonly HttpClient _client = api.CreateClient();
    private Guid _projectId;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _client.CreateProjectAsync(targets: ["fr"]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task By_default_a_stray_character_is_a_400_naming_it_and_the_option_and_nothing_is_stored()
    {
        var before = await api.Database.SnapshotAsync();

        var response = await _client.UploadAsync(_projectId, "paper.md", Stray);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "Character 19 (line 3, column 10) is U+0001");
        Assert.Contains("unstorableCharacters=replace", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Asked_to_replace_the_upload_keeps_going_with_U_FFFD_and_lists_each_replacement()
    {
        var response = await _client.UploadAsync(_projectId, "paper.md", Stray, unstorableCharacters: "replace");

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var document = (await response.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        Assert.Equal(2, document.Replaced!.Count);
        Assert.Equal([new CharacterReplacement("U+0001", 19, 3, 10), new CharacterReplacement("U+FFFF", 39, 5, 7)], document.Replaced.Listed);
        var sources = (await _client.GetFromJsonAsync<Paged<SegmentResponse>>(
            $"/api/projects/{_projectId}/documents/{document.Id}/segments", ApiJson.Options))!.Items.Select(s => s.Source.Text);
        Assert.Equal(["Title", "The group\uFFFD met twice.", "It set\uFFFD a time frame."], sources);
        // The stored file holds the replacements too, so the export and the XLIFF are whole.
        var export = await _client.GetStringAsync($"/api/projects/{_projectId}/documents/{document.Id}/export?language=fr");
        Assert.Equal("# Title\n\nThe group\uFFFD met twice.\n\nIt set\uFFFD a time frame.\n", export);
        XDocument.Parse(await _client.GetStringAsync($"/api/projects/{_projectId}/documents/{document.Id}/xliff?language=fr"));
        // Fetched again, a document says nothing of replacements: they belong to the upload's answer.
        var fetched = (await _client.GetFromJsonAsync<DocumentResponse>($"/api/projects/{_projectId}/documents/{document.Id}", ApiJson.Options))!;
        Assert.Null(fetched.Replaced);
    }

    [Fact]
    public async Task A_new_version_is_refused_by_default_and_replaced_when_asked()
    {
        var created = await _client.UploadAsync(_projectId, "paper.md", "# Title\n\nThe group met twice.\n"u8.ToArray());
        var documentId = (await created.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id;
        var url = $"/api/projects/{_projectId}/documents/{documentId}/versions";
        var before = await api.Database.SnapshotAsync();

        await (await _client.PostAsync(url, ApiCalls.UploadForm("paper.md", Stray)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "Character 19 (line 3, column 10) is U+0001");
        Assert.Equal(before, await api.Database.SnapshotAsync());

        var replaced = await _client.PostAsync(url, ApiCalls.UploadForm("paper.md", Stray, unstorableCharacters: "Replace"));
        Assert.True(replaced.StatusCode == HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        var summary = (await replaced.Content.ReadFromJsonAsync<SourceUpdateResponse>(ApiJson.Options))!;
        Assert.Equal((2, 2), (summary.Version, summary.Replaced.Count));
    }

    [Fact]
    public async Task A_character_reference_that_makes_one_is_refused_in_its_segment_or_replaced()
    {
        var markdown = "# Title\n\nThe group met&#1; twice.\n"u8.ToArray();
        var before = await api.Database.SnapshotAsync();

        await (await _client.UploadAsync(_projectId, "paper.md", markdown))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "Segment 2 (a character reference in the file): character 14 is U+0001");
        Assert.Equal(before, await api.Database.SnapshotAsync());

        var response = await _client.UploadAsync(_projectId, "paper.md", markdown, unstorableCharacters: "replace");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var document = (await response.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        Assert.Equal([new CharacterReplacement("U+0001", 14, Segment: 2)], document.Replaced!.Listed);
    }

    [Fact]
    public async Task An_unknown_option_and_a_binary_file_are_400s_saying_what_is_allowed()
    {
        var before = await api.Database.SnapshotAsync();

        await (await _client.UploadAsync(_projectId, "paper.md", Stray, unstorableCharacters: "drop"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "allowed are 'refuse' (the default) and 'replace'");
        var binary = Enumerable.Range(0, 3000).Select(i => (byte)(i % 32 is 9 or 10 or 13 ? 'a' : i % 32)).ToArray();
        await (await _client.UploadAsync(_projectId, "blob.txt", binary, unstorableCharacters: "replace"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "a binary file is not a document");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }
}
