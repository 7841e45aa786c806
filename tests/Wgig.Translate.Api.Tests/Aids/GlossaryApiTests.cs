using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Wgig.Translate.Api.Glossary;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Api.Tests.Aids;

public sealed class GlossaryApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly Workbench _bench = new(api);
    private Guid _projectId;
    private Guid _documentId;
    private List<Wgig.Translate.Api.Documents.SegmentResponse> _segments = [];

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _bench.ProjectAsync("Glossary", "fr", "ru");
        (_documentId, _segments) = await _bench.PaperAsync(_projectId, "All stakeholders met at the WSIS.\n\nIt wrote a report.\n");
        foreach (var entry in new object[]
        {
            new { definition = "Those with an interest.", terms = new object[] { new { language = "en", text = "stakeholder", partOfSpeech = "noun" },
                new { language = "fr", text = "partie prenante" }, new { language = "fr", text = "intervenant", status = "forbidden" }, new { language = "ru", text = "заинтересованная сторона" } } },
            new { doNotTranslate = true, terms = new[] { new { language = "en", text = "WSIS" } } },
        })
        {
            var created = await _bench.Coordinator.PostAsJsonAsync($"/api/projects/{_projectId}/glossary", entry);
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Entries_are_checked_when_created_and_changed_and_the_glossary_is_searched_by_word_forms()
    {
        var invalid = await _bench.Coordinator.PostAsJsonAsync($"/api/projects/{_projectId}/glossary", new { terms = new[] { new { language = "fr", text = "sommet", status = "best" } } });
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "not a term status");
        Assert.True(problem.GetProperty("errors").TryGetProperty("terms", out _));
        var listed = (await _bench.Volunteer.GetFromJsonAsync<Paged<GlossaryEntryResponse>>($"/api/projects/{_projectId}/glossary?q=Stakeholders", ApiJson.Options))!;
        var entry = Assert.Single(listed.Items);

        var changed = await _bench.Coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/glossary/{entry.Id}",
            new { terms = new[] { new { language = "en", text = "stakeholder" }, new { language = "fr", text = "acteur" } } });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["en stakeholder", "fr acteur"], (await changed.Content.ReadFromJsonAsync<GlossaryEntryResponse>(ApiJson.Options))!.Terms.Select(t => $"{t.Language} {t.Text}"));
        Assert.Equal(HttpStatusCode.NoContent, (await _bench.Coordinator.DeleteAsync($"/api/projects/{_projectId}/glossary/{entry.Id}")).StatusCode);
        await (await _bench.Coordinator.DeleteAsync($"/api/projects/{_projectId}/glossary/{entry.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "no glossary entry");
    }

    [Fact]
    public async Task The_suggestions_show_the_terms_of_the_segment_and_the_checks_hold_translations_to_them()
    {
        await _bench.ClaimAllAsync(_projectId, _documentId, "fr");
        var url = Workbench.Url(_projectId, _documentId, _segments[0].Id, "fr");
        await Workbench.SubmitAsync(_bench.Volunteer, $"{url}/draft", Workbench.Runs("Tous les intervenants se sont réunis au SMSI."));

        var aids = await Workbench.SuggestionsAsync(_bench.Volunteer, _projectId, _documentId, _segments[0].Id);

        Assert.Equal(["stakeholders: partie prenante, intervenant", "WSIS: "],
            aids.Terms.Select(t => $"{"All stakeholders met at the WSIS."[t.Start..(t.Start + t.Length)]}: {string.Join(", ", t.Translations.Select(x => x.Text))}"));
        Assert.Equal(["forbidden-term", "glossary", "glossary"], aids.Checks.Select(c => c.Check).Order());
        await (await _bench.Volunteer.PutAsJsonAsync(url, Workbench.Runs("Tous les intervenants se sont réunis au SMSI.", "glossary")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "“intervenants” is a forbidden term; use “partie prenante”");
        await Workbench.SubmitAsync(_bench.Volunteer, url, Workbench.Runs("Toutes les parties prenantes se sont réunies au WSIS."));
    }

    [Fact]
    public async Task The_xliff_export_carries_the_terms_in_the_glossary_module_and_in_notes_for_1_2()
    {
        var xliff2 = XDocument.Parse(await _bench.Volunteer.GetStringAsync($"/api/projects/{_projectId}/documents/{_documentId}/xliff?language=ru"));
        var xliff12 = XDocument.Parse(await _bench.Volunteer.GetStringAsync($"/api/projects/{_projectId}/documents/{_documentId}/xliff?language=fr&version=1.2"));

        XNamespace gls = "urn:oasis:names:tc:xliff:glossary:2.0";
        Assert.Equal(["stakeholder → заинтересованная сторона", "WSIS → WSIS"],
            xliff2.Descendants(gls + "glossEntry").Select(e => $"{e.Element(gls + "term")!.Value} → {e.Element(gls + "translation")!.Value}"));
        Assert.Equal(["stakeholder: partie prenante; not: intervenant (Those with an interest.)", "WSIS: do not translate"],
            xliff12.Descendants((XNamespace)XliffSchemas.Core12Namespace + "note").Where(n => (string?)n.Attribute("from") == "glossary").Select(n => n.Value));
    }

    [Fact]
    public async Task Tbx_and_csv_exports_import_into_another_project_and_a_broken_file_imports_nothing()
    {
        var other = await _bench.ProjectAsync("Other", "fr");
        var tbx = await _bench.Coordinator.GetByteArrayAsync($"/api/projects/{_projectId}/glossary/export?format=tbx");
        var csv = await _bench.Volunteer.GetByteArrayAsync($"/api/projects/{_projectId}/glossary/export?format=csv");

        var first = await ImportAsync(other, tbx, "glossary.tbx");
        Assert.Equal((2, 2, 0), (first.Entries, first.Added, first.Updated));
        var second = await ImportAsync(other, csv, "glossary.csv");
        Assert.Equal((2, 0, 2), (second.Entries, second.Added, second.Updated));
        var entries = (await _bench.Volunteer.GetFromJsonAsync<Paged<GlossaryEntryResponse>>($"/api/projects/{other}/glossary", ApiJson.Options))!.Items;
        Assert.Equal(["stakeholder noun partie prenante intervenant(Forbidden) заинтересованная сторона", "WSIS  keep"],
            entries.OrderByDescending(e => e.Terms.Count).Select(e => $"{e.Terms[0].Text} {e.Terms[0].PartOfSpeech} {string.Join(" ", e.Terms.Skip(1).Select(t => t.Status == TermStatus.Forbidden ? $"{t.Text}(Forbidden)" : t.Text))}{(e.DoNotTranslate ? "keep" : "")}".Trim()));

        var handWritten = await ImportAsync(other, "language,term,status\nen,summit\nfr,sommet\nfr,\n"u8.ToArray(), "mine.csv");
        Assert.Equal((1, 0), (handWritten.Entries, handWritten.Added));
        Assert.Contains("terms[2].text", Assert.Single(handWritten.Rejected).Reason, StringComparison.Ordinal);

        var before = await api.Database.SnapshotAsync();
        using var broken = new MultipartFormDataContent { { new ByteArrayContent(tbx[..(tbx.Length / 2)]), "file", "broken.tbx" } };
        await (await _bench.Coordinator.PostAsync($"/api/projects/{other}/glossary/import", broken)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "Nothing was imported");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_shared_glossary_is_listed_and_used_by_the_other_project()
    {
        var other = await _bench.ProjectAsync("Other", "fr");
        var (document, segments) = await _bench.PaperAsync(other, "A stakeholder spoke.\n");
        Assert.Empty((await Workbench.SuggestionsAsync(_bench.Volunteer, other, document, segments[0].Id)).Terms);

        Assert.Equal(HttpStatusCode.NoContent, (await _bench.Coordinator.PutAsync($"/api/projects/{_projectId}/shares/glossary/{other}", null)).StatusCode);

        Assert.Equal("stakeholder", Assert.Single((await Workbench.SuggestionsAsync(_bench.Volunteer, other, document, segments[0].Id)).Terms).SourceTerm);
        var listed = (await _bench.Volunteer.GetFromJsonAsync<Paged<GlossaryEntryResponse>>($"/api/projects/{other}/glossary", ApiJson.Options))!.Items;
        Assert.All(listed, e => Assert.True(e.Shared));
        // Shared entries are read only in the project that borrows them.
        await (await _bench.Coordinator.DeleteAsync($"/api/projects/{other}/glossary/{listed[0].Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<GlossaryImportReport> ImportAsync(Guid projectId, byte[] file, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } };
        var response = await _bench.Coordinator.PostAsync($"/api/projects/{projectId}/glossary/import", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<GlossaryImportReport>(ApiJson.Options))!;
    }
}
