using System.Net;
using System.Net.Http.Json;
using System.Text;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Documents;

public sealed class SourceUpdateAndExportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Version1 = """
        # Report

        1. The group met twice. It set a time frame for its *own* work.

        2. Translation is a priority. Volunteers help.

        3. This paragraph will go.
        """;

    private const string Version2 = """
        # Report

        1. The group met twice. It set a clear time frame for its *own* work.

        2. Translation is a priority. Volunteers help.

        4. A paragraph that is new.
        """;

    private readonly HttpClient _client = api.CreateClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_new_version_keeps_translations_of_unchanged_segments_and_flags_edited_ones()
    {
        var (projectId, document) = await UploadAsync("report.md", Version1);
        var segments = await SegmentsAsync(projectId, document.Id);
        var edited = segments.Single(s => s.Source.Text == "It set a time frame for its own work.");
        var kept = segments.Single(s => s.Source.Text == "Volunteers help.");
        await TranslateAsync(edited.Id, "fr", "Approved", "Il a fixé un calendrier pour son \uE000propre\uE001 travail.");
        await TranslateAsync(kept.Id, "fr", "Approved", "Des bénévoles aident.");

        var response = await _client.PostAsync($"/api/projects/{projectId}/documents/{document.Id}/versions", File("report.md", Version2));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.Content.ReadFromJsonAsync<SourceUpdateResponse>(ApiJson.Options))!;
        Assert.Equal((2, 4, 1, 1, 1, 0), (summary.Version, summary.Unchanged, summary.Changed, summary.Added, summary.Retired, summary.Replaced.Count));
        var states = await api.Database.QueryAsync<string>("SELECT state FROM translate.targets WHERE text IS NOT NULL ORDER BY text");
        Assert.Equal(["Approved", "NeedsUpdate"], states);
        var after = await SegmentsAsync(projectId, document.Id);
        var changed = after.Single(s => s.Id == edited.Id);
        Assert.Equal((edited.Key, "It set a clear time frame for its own work.", "It set a time frame for its own work.", 2),
            (changed.Key, changed.Source.Text, changed.PreviousSource!.Text, changed.ChangedInVersion));
        Assert.Equal(kept.Key, after.Single(s => s.Source.Text == "Volunteers help.").Key);
        var retired = (await SegmentsAsync(projectId, document.Id, includeRetired: true)).Single(s => s.RetiredInVersion is not null);
        Assert.Equal(("This paragraph will go.", 2), (retired.Source.Text, retired.RetiredInVersion));
        var read = (await _client.GetFromJsonAsync<DocumentResponse>($"/api/projects/{projectId}/documents/{document.Id}", ApiJson.Options))!;
        Assert.Equal((2, 6), (read.CurrentVersion, read.SegmentCount));
        Assert.Equal([1, 2], read.Versions.Select(v => v.Number));
    }

    [Fact]
    public async Task A_refused_version_leaves_the_document_as_it_was()
    {
        var (projectId, document) = await UploadAsync("report.md", Version1);
        var before = await api.Database.SnapshotAsync();

        var response = await _client.PostAsync($"/api/projects/{projectId}/documents/{document.Id}/versions",
            new MultipartFormDataContent { { new ByteArrayContent([0x52, 0xE9, 0x73]), "file", "report.md" } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "not valid UTF-8");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Exporting_without_translations_gives_back_the_source_byte_for_byte()
    {
        var (projectId, document) = await UploadAsync("wgig-preliminary-report-2005.md", Samples.Markdown);

        var response = await _client.GetAsync($"/api/projects/{projectId}/documents/{document.Id}/export?language=fr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Samples.Markdown, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(("0", "142"), (Header(response, "Wgig-Translated-Segments"), Header(response, "Wgig-Source-Segments")));
        Assert.Equal("wgig-preliminary-report-2005.fr.md", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Exporting_writes_translations_in_place_and_falls_back_to_the_source_elsewhere()
    {
        var (projectId, document) = await UploadAsync("report.md", Version1);
        var segments = await SegmentsAsync(projectId, document.Id);
        await TranslateAsync(segments.Single(s => s.Source.Text == "The group met twice.").Id, "fr", "Translated", "Le groupe s’est réuni deux fois.");
        await TranslateAsync(segments.Single(s => s.Source.Text == "It set a time frame for its own work.").Id, "fr", "Approved",
            "Il a fixé un calendrier pour son \uE000propre\uE001 travail.");
        await TranslateAsync(segments.Single(s => s.Source.Text == "Report").Id, "fr", "NeedsUpdate", "Rapport");

        var all = await _client.GetAsync($"/api/projects/{projectId}/documents/{document.Id}/export?language=fr");
        var approved = await _client.GetAsync($"/api/projects/{projectId}/documents/{document.Id}/export?language=fr&approvedOnly=true");

        Assert.Equal("""
            # Report

            1. Le groupe s’est réuni deux fois. Il a fixé un calendrier pour son *propre* travail.

            2. Translation is a priority. Volunteers help.

            3. This paragraph will go.
            """, await all.Content.ReadAsStringAsync());
        Assert.Equal(("2", "4"), (Header(all, "Wgig-Translated-Segments"), Header(all, "Wgig-Source-Segments")));
        Assert.StartsWith("# Report\n\n1. The group met twice. Il a fixé", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("1", Header(approved, "Wgig-Translated-Segments"));
    }

    [Fact]
    public async Task A_plain_text_paper_exports_with_its_numbering_intact()
    {
        var (projectId, document) = await UploadAsync("wgig-preliminary-report-2005.txt", Samples.PlainText);
        var first = (await SegmentsAsync(projectId, document.Id)).Single(s => s.Number == "1" && s.Sentence == 0 && s.Kind == Domain.Formats.BlockKind.Paragraph);
        await TranslateAsync(first.Id, "es", "Approved", "El Grupo de Trabajo celebró sus dos primeras reuniones.");

        var exported = await (await _client.GetAsync($"/api/projects/{projectId}/documents/{document.Id}/export?language=es")).Content.ReadAsStringAsync();

        Assert.StartsWith(" Executive Summary\n\n1\nEl Grupo de Trabajo celebró sus dos primeras reuniones. It decided on a preliminary draft", exported, StringComparison.Ordinal);
        Assert.EndsWith(Encoding.UTF8.GetString(Samples.PlainText)[^400..], exported, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "'de' is not a target language")]
    [InlineData("", "is not a target language")]
    [InlineData("fr_FR", "'fr_FR' is not a target language")]
    public async Task Exporting_into_a_language_the_project_does_not_have_is_a_400(string language, string detail)
    {
        var (projectId, document) = await UploadAsync("report.md", Version1);

        var response = await _client.GetAsync($"/api/projects/{projectId}/documents/{document.Id}/export?language={language}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, detail);
    }

    private async Task<(Guid ProjectId, DocumentResponse Document)> UploadAsync(string name, string content) =>
        await UploadAsync(name, Encoding.UTF8.GetBytes(content));

    private async Task<(Guid ProjectId, DocumentResponse Document)> UploadAsync(string name, byte[] content)
    {
        var projectId = await _client.CreateProjectAsync(targets: ["fr", "es"]);
        var response = await _client.UploadAsync(projectId, name, content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (projectId, (await response.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!);
    }

    private async Task<List<SegmentResponse>> SegmentsAsync(Guid projectId, Guid documentId, bool includeRetired = false) =>
        [.. (await _client.GetFromJsonAsync<Paged<SegmentResponse>>(
            $"/api/projects/{projectId}/documents/{documentId}/segments?pageSize=500&includeRetired={includeRetired}", ApiJson.Options))!.Items];

    private Task TranslateAsync(Guid segmentId, string language, string state, string text) =>
        api.Database.InsertTargetAsync(segmentId, language, state, text);

    private static MultipartFormDataContent File(string name, string content) =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", name } };

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
