using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using CsCheck;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Security;

/// <summary>
/// Characters storage or XML cannot hold, and text that looks like structure, sent to every endpoint that takes
/// text: nothing is a 5xx, bad characters are refused with where they are, and every export stays well-formed.
/// </summary>
[RunsLong(9)]
public sealed class UnicodeInputTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const int Sentences = 30;
    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _volunteer = api.CreateClient(TestAccounts.VolunteerToken);
    private Guid _projectId;
    private Guid _documentId;
    private IReadOnlyList<Guid> _claimed = [];

    // Pieces that break storage or XML, pieces that look like Markdown or HTML structure, and ordinary text.
    private static readonly string[] Pieces =
    [
        "\0", "\u0001", "\u0008", "\u000B", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "\uD83D\uDE00", "\t", "\n", "\r\n", "\n\n",
        "# ", "- ", "> ", "|", "===", "<script>alert(1)</script>", "&amp;", "]]>", "\u202E", "e\u0301", "مرحبا", "中文", "Le groupe", " ", "'\"",
    ];

    private static readonly Gen<string> Text = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 8].Select(string.Concat);

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _coordinator.CreateProjectAsync(targets: ["fr"]);
        var markdown = "# Report\n\n" + string.Join("\n\n", Enumerable.Range(1, Sentences).Select(i => $"The group met for the {i}th time.")) + "\n";
        var upload = await _coordinator.UploadAsync(_projectId, "paper.md", Encoding.UTF8.GetBytes(markdown));
        _documentId = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id;
        var volunteer = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'volunteer@test.example'")).Single();
        await _coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{volunteer}/languages/fr", new { canTranslate = true, canReview = false });
        var claim = await _volunteer.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr", words = 100_000 });
        _claimed = (await claim.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!.SegmentIds;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string DocumentUrl => $"/api/projects/{_projectId}/documents/{_documentId}";

    [Fact]
    public async Task Generated_unicode_sent_to_every_text_endpoint_is_never_a_5xx_and_every_export_stays_well_formed()
    {
        var round = 0;
        var anonymous = api.CreateClient((string?)null);
        await Text.SampleAsync(async text =>
        {
            var segment = _claimed[round++ % _claimed.Count];
            var translation = $"{DocumentUrl}/segments/{segment}/translations/fr";
            var responses = new List<(string What, HttpResponseMessage Response)>
            {
                ("project name", await _coordinator.PostAsJsonAsync("/api/projects", new { name = "P" + text + round, sourceLanguage = "en", targetLanguages = new[] { "fr" } })),
                ("draft", await _volunteer.PutAsJsonAsync($"{translation}/draft", new { runs = new[] { new { text } } })),
                ("translation", await _volunteer.PutAsJsonAsync(translation, new { runs = new[] { new { text = "T " + text } } })),
                ("review comment", await _coordinator.PostAsJsonAsync($"{translation}/review", new { decision = "reject", comment = text })),
                ("pause reason", await _volunteer.PostAsJsonAsync("/api/me/profile/pause", new { reason = text })),
                ("resume", await _volunteer.PostAsync("/api/me/profile/resume", null)),
                ("time zone", await _volunteer.PutAsJsonAsync("/api/me/profile", new { timeZone = text })),
                ("token name", await _volunteer.PostAsJsonAsync("/api/me/tokens", new { name = text, days = 1 })),
                ("invitation", await _coordinator.PostAsJsonAsync("/api/invitations", new { email = text + "@example.org", role = "volunteer" })),
                ("sign-in", await anonymous.PostAsJsonAsync("/api/session", new { email = text, password = text })),
                ("reset", await anonymous.PostAsJsonAsync("/api/password-reset", new { email = text })),
                ("document", await _coordinator.UploadAsync(_projectId, $"doc-{round}.md", Encoding.UTF8.GetBytes("# " + text + "\n\nBody " + text + ".\n"))),
                ("xliff", await _volunteer.PostAsync($"{DocumentUrl}/xliff?language=fr", new MultipartFormDataContent
                {
                    { new StringContent(Xliff(segment, text), Encoding.UTF8), "file", "paper.xlf" },
                })),
                ("review queue language", await _coordinator.GetAsync($"/api/projects/{_projectId}/reviews?language={Uri.EscapeDataString(text)}")),
            };
            foreach (var (what, response) in responses)
            {
                Assert.True((int)response.StatusCode < 500, $"{what} with {Show(text)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            foreach (var version in new[] { "2.1", "1.2" })
            {
                var xliff = await _coordinator.GetAsync($"{DocumentUrl}/xliff?language=fr&version={version}");
                Assert.True(xliff.StatusCode == HttpStatusCode.OK, $"XLIFF {version} after {Show(text)}: {(int)xliff.StatusCode}");
                XDocument.Parse(await xliff.Content.ReadAsStringAsync()); // well-formed, or it throws
            }
            var export = await _coordinator.GetAsync($"{DocumentUrl}/export?language=fr");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        }, iter: 40, threads: 1);
        // Tokens made by the rounds are revoked again by nobody: the cap holds them.
        Assert.True((await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.api_tokens")).Single() <= 6 + Domain.Accounts.PersonalTokens.MaxLiveTokens);
    }

    [Theory]
    [InlineData("\\u0000", "Character 2 (line 1, column 2) is U+0000")]
    [InlineData("\\uffff", "Character 2 (line 1, column 2) is U+FFFF")]
    [InlineData("\\u001b", "Character 2 (line 1, column 2) is U+001B")]
    [InlineData("\\ud800", "missing low surrogate")] // refused already by the JSON reader, which says why
    public async Task A_character_storage_or_xml_cannot_hold_is_a_400_naming_the_field_and_where_it_is(string bad, string why)
    {
        var before = await api.Database.SnapshotAsync();
        // Raw JSON escapes: a client's JSON writer would quietly mend a lone surrogate, an attacker's does not.
        static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

        var project = await _coordinator.PostAsync("/api/projects", Json($$"""{"name":"W{{bad}}GIG","sourceLanguage":"en","targetLanguages":["fr"]}"""));
        var translation = await _volunteer.PutAsync($"{DocumentUrl}/segments/{_claimed[0]}/translations/fr", Json($$"""{"runs":[{"text":"L{{bad}}e"}]}"""));
        // A file cannot even hold a lone surrogate in UTF-8; the others it can.
        var character = bad == "\\ud800" ? "\u001b" : System.Text.Json.JsonSerializer.Deserialize<string>($"\"{bad}\"")!;
        var document = await _coordinator.UploadAsync(_projectId, "bad.md", Encoding.UTF8.GetBytes("# Title\n\nA" + character + "b.\n"));

        var problem = await project.AssertProblemAsync(HttpStatusCode.BadRequest, why);
        Assert.True(bad == "\\ud800" || problem.GetProperty("errors").TryGetProperty("request.name", out _));
        await translation.AssertProblemAsync(HttpStatusCode.BadRequest, why);
        Assert.True((int)document.StatusCode is 400, await document.Content.ReadAsStringAsync());
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_bad_character_stored_before_the_checks_does_not_break_the_xliff_export()
    {
        await api.Database.ExecuteAsync($"UPDATE translate.targets SET state = 'Translated', text = 'Le groupe\uFFFF s’est réuni.\uFFFE' WHERE segment_id = '{_claimed[1]}'");

        foreach (var version in new[] { "2.1", "2.0", "1.2" })
        {
            var xliff = await _coordinator.GetAsync($"{DocumentUrl}/xliff?language=fr&version={version}");
            Assert.Equal(HttpStatusCode.OK, xliff.StatusCode);
            var xml = await xliff.Content.ReadAsStringAsync();
            XDocument.Parse(xml);
            Assert.Contains("Le groupe\uFFFD s’est réuni.\uFFFD", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_translation_cannot_inject_block_structure_into_the_exported_markdown()
    {
        var injected = "Le groupe s’est réuni.\n# Injected heading\n\n- injected item\n> injected quote\n===\n| a | b |";
        var url = $"{DocumentUrl}/segments/{_claimed[1]}/translations/fr";
        // The checks' warnings (length, final punctuation, the lost ordinal) are acknowledged: the structure is what is tested here.
        var submitted = await _volunteer.PutAsJsonAsync(url, new { runs = new[] { new { text = injected } }, acknowledge = new[] { "length", "final-punctuation", "numbers", "whitespace", "doubled-words" } });
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        var exported = await _coordinator.GetStringAsync($"{DocumentUrl}/export?language=fr");

        Assert.DoesNotContain("\n# Injected", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("\n- injected", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("\n>", exported, StringComparison.Ordinal);
        // Read back, the export has exactly the blocks of the source: the translation stayed inside its paragraph.
        var again = await _coordinator.UploadAsync(_projectId, "again.md", Encoding.UTF8.GetBytes(exported));
        var blocks = (await again.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var paragraphs = await api.Database.QueryAsync<long>(
            $"SELECT count(DISTINCT paragraph) FROM translate.segments WHERE document_id IN ('{_documentId}', '{blocks.Id}') GROUP BY document_id");
        Assert.Equal(paragraphs[0], paragraphs[1]);
    }

    [Fact]
    public async Task A_translation_far_longer_than_its_source_is_a_400()
    {
        var url = $"{DocumentUrl}/segments/{_claimed[2]}/translations/fr";
        await (await _volunteer.PutAsJsonAsync(url, new { runs = new[] { new { text = new string('x', 5_000) } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "at most 500 are allowed");
        await (await _volunteer.PutAsJsonAsync($"{url}/draft", new { runs = new[] { new { text = new string('x', 70_000) } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "at most 65536");
    }

    private string Xliff(Guid segment, string text)
    {
        var key = api.Database.QueryAsync<string>($"SELECT key FROM translate.segments WHERE id = '{segment}'").Result.Single();
        // Written by hand, as a hostile file would be: the text goes in as it is, escaped only for markup.
        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
        return $"""<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr"><file id="{_documentId:N}"><unit id="{key}"><segment><source>x</source><target>{escaped}</target></segment></unit></file></xliff>""";
    }

    private static string Show(string text) => string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
