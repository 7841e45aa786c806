using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Domain.Xliff;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Xliff;

[RunsLong(4)]
public sealed class XliffExportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly XNamespace X2 = XliffSchemas.Core2Namespace;
    private static readonly XNamespace X12 = XliffSchemas.Core12Namespace;

    private readonly HttpClient _client = api.CreateClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    // Every file format × every XLIFF version × the three option sets (all units, the units that need work, targets
    // prefilled with the source), from one import of each file: the exports only read it, so the nine exports of a file
    // need no import of their own. Every export is checked, and the test names each one that failed.
    public static TheoryData<string> Files() =>
        ["wgig-preliminary-report-2005.md", "wgig-preliminary-report-2005.txt", "wgig-preliminary-report-2005.docx", "wgig-preliminary-report-2005.html"];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_export_passes_the_oasis_schemas_and_rules(string file)
    {
        var (projectId, documentId, segments) = await UploadAsync(file);
        await TranslateAsync(segments[1].Id, "Translated", "Résumé");
        await TranslateAsync(segments[2].Id, "Approved", "Approuvé");

        var failed = new List<string>();
        foreach (var version in new[] { "2.1", "2.0", "1.2" })
        {
            foreach (var options in new[] { "", "&units=needsWork", "&prefillTargets=true" })
            {
                var problem = await ExportProblemAsync(version, options);
                if (problem is not null)
                {
                    failed.Add($"the XLIFF {version} export{options}: {problem}");
                }
            }
        }

        Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed));

        async Task<string?> ExportProblemAsync(string version, string options)
        {
            var response = await _client.GetAsync($"/api/projects/{projectId}/documents/{documentId}/xliff?language=fr&version={version}{options}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            if (response.Content.Headers.ContentType?.MediaType != "application/xliff+xml")
            {
                return $"served as {response.Content.Headers.ContentType}";
            }
            var read = XliffReader.Read(await response.Content.ReadAsStreamAsync());
            if (!read.Succeeded)
            {
                return read.Error?.Detail ?? "not read";
            }
            if (read.Value!.Version != version)
            {
                return $"read as XLIFF {read.Value.Version}";
            }
            var units = read.Value.Xml.Descendants(version == "1.2" ? X12 + "trans-unit" : X2 + "unit").Count();
            var expected = options.Contains("needsWork", StringComparison.Ordinal) ? segments.Count - 2 : segments.Count;
            return units == expected ? null : $"{units} units, not {expected}";
        }
    }

    [Fact]
    public async Task Units_carry_keys_targets_states_notes_and_codes()
    {
        var (projectId, documentId, segments) = await UploadAsync("wgig-preliminary-report-2005.md");
        var bold = segments.First(s => s.Number == "17.");
        await TranslateAsync(bold.Id, "Approved", "\uE000La traduction est une priorité\uE001 pour le GTGI.");
        await TranslateAsync(segments[0].Id, "NeedsUpdate", "Rapport préliminaire");
        await api.Database.ExecuteAsync($"UPDATE translate.targets SET review_comment = 'Use the UN term.' WHERE segment_id = '{segments[0].Id}'");

        var xml = XDocument.Parse(await _client.GetStringAsync($"/api/projects/{projectId}/documents/{documentId}/xliff?language=fr"));

        var unit = xml.Descendants(X2 + "unit").Single(u => (string?)u.Attribute("id") == bold.Key);
        Assert.Equal("reviewed", (string?)unit.Element(X2 + "segment")!.Attribute("state"));
        Assert.Equal("La traduction est une priorité pour le GTGI.", unit.Descendants(X2 + "target").Single().Value);
        Assert.Equal("ListItem 17", unit.Descendants(X2 + "note").Single().Value);
        Assert.Equal(["**", "**"], unit.Descendants(X2 + "data").Select(d => d.Value));
        Assert.Single(unit.Descendants(X2 + "target").Single().Elements(X2 + "pc"));
        var outdated = xml.Descendants(X2 + "unit").Single(u => (string?)u.Attribute("id") == segments[0].Key);
        Assert.Equal("initial", (string?)outdated.Element(X2 + "segment")!.Attribute("state"));
        Assert.Contains("Reviewer: Use the UN term.", outdated.Descendants(X2 + "note").Select(n => n.Value));
    }

    [Fact]
    public async Task Prefilled_xliff_1_2_copies_the_source_for_omegat()
    {
        var (projectId, documentId, _) = await UploadAsync("wgig-preliminary-report-2005.md");

        var xml = XDocument.Parse(await _client.GetStringAsync($"/api/projects/{projectId}/documents/{documentId}/xliff?language=fr&version=1.2&prefillTargets=true"));

        var units = xml.Descendants(X12 + "trans-unit").ToList();
        Assert.All(units, u => Assert.Equal(u.Element(X12 + "source")!.Value, u.Element(X12 + "target")!.Value));
        Assert.All(units, u => Assert.Equal("needs-translation", (string?)u.Element(X12 + "target")!.Attribute("state")));
        Assert.Equal(("en", "fr"), ((string?)xml.Descendants(X12 + "file").Single().Attribute("source-language"), (string?)xml.Descendants(X12 + "file").Single().Attribute("target-language")));
    }

    [Theory]
    [InlineData("language=de", HttpStatusCode.BadRequest, "'de' is not a target language")]
    [InlineData("language=fr&version=1.1", HttpStatusCode.BadRequest, "XLIFF version '1.1' is not offered")]
    [InlineData("language=fr&units=claimedByMe", HttpStatusCode.Conflict, "You hold no live claim on this document in 'fr'")]
    [InlineData("language=fr&units=mine", HttpStatusCode.BadRequest, "units is 'all', 'needsWork' or 'claimedByMe'")]
    public async Task Bad_options_are_problems(string query, HttpStatusCode status, string detail)
    {
        var (projectId, documentId, _) = await UploadAsync("short.md", "# A short paper\n\nIts one paragraph.\n"u8.ToArray());

        var response = await _client.GetAsync($"/api/projects/{projectId}/documents/{documentId}/xliff?{query}");

        await response.AssertProblemAsync(status, detail);
    }

    [Fact]
    public async Task An_unknown_document_is_a_404()
    {
        var projectId = await _client.CreateProjectAsync();

        await (await _client.GetAsync($"/api/projects/{projectId}/documents/{Guid.NewGuid()}/xliff?language=fr")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private Task<(Guid ProjectId, Guid DocumentId, List<SegmentResponse> Segments)> UploadAsync(string sample) =>
        UploadAsync(sample, File.ReadAllBytes(Path.Combine(Samples.Directory, sample)));

    private async Task<(Guid ProjectId, Guid DocumentId, List<SegmentResponse> Segments)> UploadAsync(string file, byte[] content)
    {
        var projectId = await _client.CreateProjectAsync(targets: ["fr", "es"]);
        var upload = await _client.UploadAsync(projectId, file, content);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var document = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var segments = (await _client.GetFromJsonAsync<Paged<SegmentResponse>>(
            $"/api/projects/{projectId}/documents/{document.Id}/segments?pageSize=500", ApiJson.Options))!.Items;
        return (projectId, document.Id, [.. segments]);
    }

    private Task TranslateAsync(Guid segmentId, string state, string text) => api.Database.InsertTargetAsync(segmentId, "fr", state, text);
}
