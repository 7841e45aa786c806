using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Documents;

[RunsLong(6)]
public sealed class FormatsAndHostileInputTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("wgig-preliminary-report-2005.docx", FileFormat.Docx, 142)]
    [InlineData("wgig-preliminary-report-2005.html", FileFormat.Html, 144)]
    public async Task Word_and_html_versions_of_the_sample_import_and_export(string file, FileFormat format, int segments)
    {
        var projectId = await _client.CreateProjectAsync();
        var content = File.ReadAllBytes(Path.Combine(Samples.Directory, file));

        var upload = await _client.UploadAsync(projectId, file, content);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var document = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        Assert.Equal((format, segments), (document.Format, document.SegmentCount));
        var export = await _client.GetAsync($"/api/projects/{projectId}/documents/{document.Id}/export?language=fr");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(segments.ToString(System.Globalization.CultureInfo.InvariantCulture), export.Headers.GetValues("Wgig-Source-Segments").Single());
        if (format == FileFormat.Docx)
        {
            using var rebuilt = WordprocessingDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), false);
            Assert.Contains("Translation of key documents", rebuilt.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, byte[], string> HostileFiles => new()
    {
        { "report.docx", "This is not a Word file."u8.ToArray(), "not a zip package" },
        { "report.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00], "not a zip package" },
        { "report.docx", Samples.DocxWithDtd(), "its part word/document.xml declares a DTD (<!DOCTYPE …>), and DTDs are not allowed" },
        { "report.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "not valid UTF-8" },
        { "report.txt", [0x41, 0x42, 0x00, 0x00, 0x43], "Character 3 (line 1, column 3) is U+0000" },
        { "deep.md", Encoding.UTF8.GetBytes(new string('>', 10_000) + " text"), "nests quotes, lists or brackets" },
        // Refused as the parser reaches the limit, not after it has built the tree (the row took 2 s then). A row's data goes to the
        // test runner and back, so the rows stay small; the importer's own tests refuse megabytes of nesting.
        { "deep.html", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<div>", 5_000)) + "text"), "nests quotes, lists or brackets" },
        // Nesting inside an element kept whole as one code counts too.
        { "deep-code.html", Encoding.UTF8.GetBytes("<p>Run <code>" + string.Concat(Enumerable.Repeat("<span>", 300)) + "x</code></p>"), "nests quotes, lists or brackets" },
        { "codes.md", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("*a* ", 3_201))), "more than 6400 inline codes" },
        { "codes.html", Encoding.UTF8.GetBytes("<p>" + string.Concat(Enumerable.Repeat("<b>a</b> ", 3_201)) + "</p>"), "more than 6400 inline codes" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Hostile_or_broken_files_are_a_400_and_nothing_is_stored(string name, byte[] content, string detail)
    {
        var projectId = await _client.CreateProjectAsync();
        var before = await api.Database.SnapshotAsync();

        var response = await _client.UploadAsync(projectId, name, content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, detail);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Parsing_that_overruns_its_time_limit_is_a_422_and_nothing_is_stored()
    {
        using var hurried = api.WithWebHostBuilder(host => host.UseSetting("Documents:ParseTimeout", "00:00:00.0000001"));
        var client = hurried.CreateClient();
        var projectId = await client.CreateProjectAsync();
        var before = await api.Database.SnapshotAsync();

        var response = await client.UploadAsync(projectId, "report.md", Samples.Markdown);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "took longer than the limit");
        Assert.Equal(before, await api.Database.SnapshotAsync());

        // Writing a document out parses it again, under the same limit.
        var imported = await _client.UploadAsync(projectId, "report.md", Samples.Markdown);
        var document = (await imported.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var export = await client.GetAsync($"/api/projects/{projectId}/documents/{document.Id}/export?language=fr");
        await export.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "took longer than the limit");
    }

    [Fact]
    public async Task Ten_megabytes_without_a_full_stop_import_as_pieces_a_volunteer_can_handle()
    {
        var projectId = await _client.CreateProjectAsync();
        var text = new StringBuilder(10_000_000);
        while (text.Length < 9_990_000)
        {
            text.Append("governance ");
        }

        var response = await _client.UploadAsync(projectId, "run-on.txt", Encoding.UTF8.GetBytes(text.ToString()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = (await response.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        // Pieces are cut at the last space before 2,000 characters: 181 words of 11 characters each.
        Assert.Equal((int)Math.Ceiling(text.Length / 1991.0), document.SegmentCount);
        Assert.Equal(text.Length / 11, document.WordCount);
    }
}
