using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Documents;

public sealed class DocumentUploadTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_sample_report_is_stored_as_one_version_split_into_its_paragraphs()
    {
        var projectId = await _client.CreateProjectAsync();

        var response = await _client.UploadAsync(projectId, "wgig-preliminary-report-2005.md", Samples.Markdown);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = (await response.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        Assert.Equal(("wgig-preliminary-report-2005.md", FileFormat.Markdown, 1), (document.Path, document.Format, document.CurrentVersion));
        // 81 blocks cut into 142 sentences; see MarkdownImporterTests and DocumentTests.
        Assert.Equal(142, document.SegmentCount);
        var version = Assert.Single(document.Versions);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Samples.Markdown)), version.Sha256);
        Assert.Equal(Samples.Markdown.Length, version.ByteLength);
        Assert.Equal(["ar", "zh", "fr", "ru", "es"], document.Progress.Select(p => p.Language));
        Assert.All(document.Progress, p => Assert.Equal((142, document.WordCount, 0), (p.SegmentCount, p.WordCount, p.TranslatedSegments)));
        Assert.Equal($"/api/projects/{projectId}/documents/{document.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal([Samples.Markdown], await api.Database.QueryAsync<byte[]>("SELECT content FROM translate.document_versions"));
    }

    [Fact]
    public async Task A_huge_page_number_of_segments_is_a_400_naming_page_not_a_500()
    {
        var projectId = await _client.CreateProjectAsync();
        var document = await UploadSampleAsync(projectId);

        var response = await _client.GetAsync($"/api/projects/{projectId}/documents/{document.Id}/segments?page=2147483647&pageSize=500");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, $"page is at most {PageRequest.MaxPage}");
        Assert.Equal(["page"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Segments_are_listed_in_document_order_in_pages()
    {
        var projectId = await _client.CreateProjectAsync();
        var document = await UploadSampleAsync(projectId);
        var url = $"/api/projects/{projectId}/documents/{document.Id}/segments";

        var first = (await _client.GetFromJsonAsync<Paged<SegmentResponse>>($"{url}?pageSize=100", ApiJson.Options))!;
        var second = (await _client.GetFromJsonAsync<Paged<SegmentResponse>>($"{url}?pageSize=100&page=2", ApiJson.Options))!;

        Assert.Equal((100, 42, 142, 2), (first.Items.Count, second.Items.Count, first.TotalCount, first.TotalPages));
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal(Enumerable.Range(1, 142), all.Select(s => s.Ordinal));
        Assert.Equal(Enumerable.Range(0, 81), all.Select(s => s.Paragraph).Distinct());
        Assert.Equal(16, all.Count(s => s.Kind == BlockKind.Heading));
        Assert.Equal(7, all.Count(s => s.Kind == BlockKind.Paragraph));
        Assert.Equal(41, all.Where(s => s.Number is [>= '0' and <= '9', ..] && s.Kind == BlockKind.ListItem).Select(s => s.Number).Distinct().Count());
        Assert.Equal(["The Working Group on Internet Governance (WGIG) held its first two meetings in Geneva in November 2004 and February 2005.",
                      "It decided on a preliminary draft structure for its report, identified public policy issues and set out a time frame for its work.",
                      "The WGIG also moved closer to a common understanding of a working definition on Internet governance."],
            all.Where(s => s.Number == "1." && s.Kind == BlockKind.ListItem).Select(s => s.Source.Text));
        Assert.Equal(document.WordCount, all.Sum(s => s.WordCount));
        Assert.Equal(142, all.Select(s => s.Key).Distinct().Count());
        // Paragraph 17 starts in bold: the volunteer sees the words and two tokens, not asterisks.
        var bold = all.First(s => s.Number == "17.");
        Assert.Equal("Translation of key documents and interpretation of working sessions is a priority for the WGIG.", bold.Source.Text);
        Assert.Equal([(CodeKind.Open, "bold"), (CodeKind.Close, "bold")], bold.Source.Runs.Where(r => r.Code is not null).Select(r => (r.Code!.Kind, r.Code.Type)));
        Assert.DoesNotContain(bold.Source.Runs, r => r.Text?.Contains('*', StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Documents_are_listed_with_their_counts()
    {
        var projectId = await _client.CreateProjectAsync();
        var markdown = await UploadSampleAsync(projectId);
        var text = await (await _client.UploadAsync(projectId, "wgig-preliminary-report-2005.txt", Samples.PlainText))
            .Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options);

        var list = (await _client.GetFromJsonAsync<Paged<DocumentSummary>>($"/api/projects/{projectId}/documents", ApiJson.Options))!;

        Assert.Equal(
            [(markdown.Id, FileFormat.Markdown, 142), (text!.Id, FileFormat.PlainText, 141)],
            list.Items.Select(d => (d.Id, d.Format, d.SegmentCount)));
        Assert.Equal(2, list.TotalCount);
    }

    [Fact]
    public async Task The_plain_text_sample_splits_at_blank_lines_and_keeps_paragraph_numbers()
    {
        var projectId = await _client.CreateProjectAsync();

        var response = await _client.UploadAsync(projectId, "wgig-preliminary-report-2005.txt", Samples.PlainText);

        var document = (await response.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        // 80 blocks (see PlainTextImporterTests) cut into 141 sentences (see DocumentTests).
        Assert.Equal((FileFormat.PlainText, 141), (document.Format, document.SegmentCount));
        Assert.Equal([41L], await api.Database.QueryAsync<long>(
            "SELECT count(DISTINCT number) FROM translate.segments WHERE kind = 'Paragraph' AND number ~ '^[0-9]+$'"));
    }

    [Fact]
    public async Task The_format_can_be_named_when_the_file_name_does_not_tell_it()
    {
        var projectId = await _client.CreateProjectAsync();

        var response = await _client.UploadAsync(projectId, "README", "# Title\n\nText."u8.ToArray(), format: "markdown");

        var document = (await response.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        Assert.Equal((FileFormat.Markdown, 2), (document.Format, document.SegmentCount));
    }

    public static TheoryData<string, byte[], HttpStatusCode, string> RefusedUploads => new()
    {
        { "empty.md", [], HttpStatusCode.BadRequest, "no text to translate" },
        { "blank.md", "\n\n   \n"u8.ToArray(), HttpStatusCode.BadRequest, "no text to translate" },
        { "code-only.md", "```\ncode\n```\n"u8.ToArray(), HttpStatusCode.BadRequest, "no text to translate" },
        { "latin1.txt", Encoding.Latin1.GetBytes("R\u00e9sum\u00e9 of the report"), HttpStatusCode.BadRequest, "not valid UTF-8" },
        { "utf16.md", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("# Title")).ToArray(), HttpStatusCode.BadRequest, "UTF-16" },
        { "report.pdf", "%PDF-1.4"u8.ToArray(), HttpStatusCode.UnsupportedMediaType, "Cannot tell the format of 'report.pdf'" },
        { "../escape.md", "# Title"u8.ToArray(), HttpStatusCode.BadRequest, "'..' steps" },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task A_refused_upload_is_a_problem_saying_why_and_nothing_is_stored(
        string fileName, byte[] content, HttpStatusCode status, string detailPart)
    {
        var projectId = await _client.CreateProjectAsync();
        var before = await api.Database.SnapshotAsync();

        var response = await _client.UploadAsync(projectId, fileName, content);

        await response.AssertProblemAsync(status, detailPart);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Invalid_utf8_is_reported_at_its_byte_offset()
    {
        var projectId = await _client.CreateProjectAsync();

        var response = await _client.UploadAsync(projectId, "notes.txt", [.. "Caf"u8, 0xE9, .. " au lait"u8]);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "at byte 3");
    }

    [Fact]
    public async Task An_upload_over_the_default_10_MB_limit_is_a_413_and_nothing_is_stored()
    {
        var projectId = await _client.CreateProjectAsync();
        var before = await api.Database.SnapshotAsync();
        var oversize = new byte[10 * 1024 * 1024 + 1];
        Array.Fill(oversize, (byte)'a');

        var response = await _client.UploadAsync(projectId, "huge.txt", oversize);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "the limit is 10,485,760 bytes");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task The_upload_limit_is_configurable()
    {
        using var limited = api.WithWebHostBuilder(host => host.UseSetting("Documents:MaxUploadBytes", "1024"));
        var client = limited.CreateClient();
        var projectId = await client.CreateProjectAsync();

        var tooBig = await client.UploadAsync(projectId, "a.md", Encoding.UTF8.GetBytes(new string('a', 1025)));
        var fits = await client.UploadAsync(projectId, "b.md", Encoding.UTF8.GetBytes(new string('a', 1024)));

        await tooBig.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "The upload is 1,025 bytes; the limit is 1,024 bytes.");
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
    }

    [Fact]
    public async Task Uploading_to_an_unknown_project_is_a_404_and_nothing_is_stored()
    {
        var before = await api.Database.SnapshotAsync();
        var unknown = Guid.NewGuid();

        var response = await _client.UploadAsync(unknown, "report.md", Samples.Markdown);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, unknown.ToString());
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_second_document_at_the_same_path_is_a_conflict()
    {
        var projectId = await _client.CreateProjectAsync();
        await UploadSampleAsync(projectId);
        var before = await api.Database.SnapshotAsync();

        var response = await _client.UploadAsync(projectId, "wgig-preliminary-report-2005.md", Samples.Markdown);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "already has a document");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task An_unknown_format_name_is_a_400_listing_the_known_ones()
    {
        var projectId = await _client.CreateProjectAsync();

        var response = await _client.UploadAsync(projectId, "a.md", "# A"u8.ToArray(), format: "pdf");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "Unknown format 'pdf'. Known formats:");
        Assert.All(["Markdown", "PlainText", "Html", "Docx"], f => Assert.Contains(f, problem.GetProperty("detail").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_without_a_file_is_a_400()
    {
        var projectId = await _client.CreateProjectAsync();

        var response = await _client.PostAsync($"/api/projects/{projectId}/documents",
            new MultipartFormDataContent { { new StringContent("Markdown"), "format" } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "file");
    }

    [Fact]
    public async Task Segments_of_an_unknown_document_are_a_404()
    {
        var projectId = await _client.CreateProjectAsync();
        var unknown = Guid.NewGuid();

        var response = await _client.GetAsync($"/api/projects/{projectId}/documents/{unknown}/segments");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, unknown.ToString());
    }

    [Fact]
    public async Task A_document_is_not_reachable_through_another_project()
    {
        var owner = await _client.CreateProjectAsync("Owner");
        var other = await _client.CreateProjectAsync("Other");
        var document = await UploadSampleAsync(owner);

        var response = await _client.GetAsync($"/api/projects/{other}/documents/{document.Id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<DocumentResponse> UploadSampleAsync(Guid projectId)
    {
        var response = await _client.UploadAsync(projectId, "wgig-preliminary-report-2005.md", Samples.Markdown);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
    }
}
