using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Xliff;

using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Xliff;

/// <summary>Offline work: export the claimed units, translate them in another tool, upload the file back.</summary>
public sealed partial class XliffImportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly XNamespace X2 = XliffSchemas.Core2Namespace;
    private static readonly XNamespace X12 = XliffSchemas.Core12Namespace;

    // Four paragraphs, one sentence each; the second and third carry inline codes.
    private static readonly byte[] Paper = """
        The Working Group met in Geneva.

        The **WSIS** asked for a [report](https://www.wgig.org/) on governance.

        It covers *spam*, **cybersecurity** and privacy.

        Comments are welcome until the next meeting.

        """u8.ToArray();

    private readonly HttpClient _volunteer = api.CreateClient(TestAccounts.VolunteerToken);
    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private Guid _projectId;
    private Guid _documentId;
    private List<SegmentResponse> _segments = [];

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _coordinator.CreateProjectAsync(targets: ["fr", "es"]);
        var upload = await _coordinator.UploadAsync(_projectId, "paper.md", Paper);
        _documentId = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id;
        _segments = [.. (await _coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"{DocumentUrl}/segments", ApiJson.Options))!.Items];
        Assert.Equal(4, _segments.Count);
        foreach (var email in new[] { "volunteer@test.example", "coordinator@test.example" })
        {
            var account = (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();
            var granted = await _coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{account}/languages/fr", new { canTranslate = true, canReview = true });
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string DocumentUrl => $"/api/projects/{_projectId}/documents/{_documentId}";

    [Fact]
    public async Task Claimed_units_translated_in_another_tool_come_back_as_submissions_with_every_inline_code()
    {
        var claim = await ClaimAsync(_volunteer, words: 1000);
        var exported = await ExportAsync(_volunteer, "units=claimedByMe");
        Assert.Equal(_segments.Select(s => s.Key), exported.Descendants(X2 + "unit").Select(u => (string?)u.Attribute("id")));

        // What a CAT tool does: a target beside each source, the inline codes kept, text translated.
        foreach (var unit in exported.Descendants(X2 + "unit").Take(3))
        {
            unit.Descendants(X2 + "segment").Single().Add(TranslatedCopy(unit.Descendants(X2 + "source").Single(), X2 + "target"));
        }
        api.Clock.Advance(TimeSpan.FromMinutes(10));
        var response = await UploadAsync(_volunteer, exported);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<XliffImportReport>(ApiJson.Options))!;
        Assert.Equal(("2.1", "fr", 3, 1, 0), (report.Version, report.Language, report.Applied, report.Unchanged, report.Rejected));
        Assert.Equal("no translation in the file", report.Units[3].Reason);

        // Export again: each translation is there, with the same codes as its source, in the same order.
        var again = await ExportAsync(_volunteer, "units=all");
        foreach (var unit in again.Descendants(X2 + "unit").Take(3))
        {
            var source = unit.Descendants(X2 + "source").Single();
            var target = unit.Descendants(X2 + "target").Single();
            Assert.Equal("translated", (string?)unit.Element(X2 + "segment")!.Attribute("state"));
            Assert.Equal(Codes(source), Codes(target));
            Assert.Equal(TranslatedCopy(source, X2 + "target").Value, target.Value);
        }
        Assert.Equal(["Translated", "Translated", "Translated", "Claimed"],
            await api.Database.QueryAsync<string>("SELECT t.state FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id WHERE t.language = 'fr' ORDER BY s.ordinal"));
        // Handing work in is activity: the claim on the rest of the batch runs a full lease from the upload.
        var expiresAt = (await api.Database.QueryAsync<DateTime>($"SELECT expires_at FROM translate.claims WHERE id = '{claim.ClaimId}'")).Single();
        Assert.True(expiresAt > claim.ExpiresAt.UtcDateTime, $"{expiresAt:O} should be after {claim.ExpiresAt:O}");
    }

    // An upload locks the uploader's batches before their targets, the order an editor's hand-in locks in: of the two, the later
    // one to take the claim's lock sees the other's hand-ins and tells the reviewers. (Without the upload's lock the two meet in
    // a deadlock, which the hand-in's retry resolves a second later: the same outcome, so this test does not tell them apart.)
    [Fact]
    public async Task An_upload_and_a_submission_that_finish_a_batch_together_both_stand_and_tell_the_reviewers_once()
    {
        var exported = await FirstThreeOfFourTranslatedAsync();

        var uploaded = UploadAsync(_volunteer, exported);
        var submitted = _volunteer.PutAsJsonAsync($"{DocumentUrl}/segments/{_segments[3].Id}/translations/fr",
            new { runs = new[] { new { text = "Les commentaires sont les bienvenus jusqu’à la prochaine réunion." } } });
        await Task.WhenAll(uploaded, submitted);

        Assert.True((await submitted).StatusCode == HttpStatusCode.OK, await (await submitted).Content.ReadAsStringAsync());
        Assert.Equal(3, (await (await uploaded).Content.ReadFromJsonAsync<XliffImportReport>(ApiJson.Options))!.Applied);
        Assert.Equal(["Translated", "Translated", "Translated", "Translated"],
            await api.Database.QueryAsync<string>("SELECT t.state FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id WHERE t.language = 'fr' ORDER BY s.ordinal"));
        // The coordinator reviews; the volunteer, who may review too, translated them.
        Assert.Equal([1L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.notifications WHERE kind = 'ReviewReady'"));
    }

    // A new version locks the document's targets and then, through the open-words trigger, their claims; an upload locks the
    // uploader's claims and then their targets. So the upload first takes the document's lock that claims share and a version
    // takes alone: it waits for the version under way instead of meeting it in a deadlock, then applies what is still applicable.
    [Fact]
    public async Task An_upload_during_a_new_version_waits_for_it_then_applies_the_units()
    {
        var exported = await FirstThreeOfFourTranslatedAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var version = scope.ServiceProvider.GetRequiredService<TranslationDb>();
        await using (var importing = await version.Database.BeginTransactionAsync())
        {
            // As DocumentImport does: the document alone, then its targets, then their word counts placed anew.
            await DocumentLocks.ForVersionAsync(version, _documentId, CancellationToken.None);
            await version.Database.ExecuteSqlAsync($"SELECT 1 FROM translate.targets WHERE document_id = {_documentId} FOR UPDATE");

            var uploaded = UploadAsync(_volunteer, exported);
            await api.Database.SessionWaitsForALockAsync(uploaded);
            await version.Database.ExecuteSqlAsync($"UPDATE translate.targets SET word_count = word_count + 1 WHERE document_id = {_documentId} AND state = 'Claimed'");
            await importing.CommitAsync();

            var response = await uploaded;
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            Assert.Equal(3, (await response.Content.ReadFromJsonAsync<XliffImportReport>(ApiJson.Options))!.Applied);
        }
    }

    [Fact]
    public async Task Units_the_uploader_may_not_change_copies_and_broken_codes_are_reported_not_applied()
    {
        await ClaimAsync(_coordinator, words: 1); // the coordinator holds the first segment
        await ClaimAsync(_volunteer, words: 1000); // the volunteer the other three
        var exported = await ExportAsync(_volunteer, "units=all");
        var units = exported.Descendants(X2 + "unit").ToList();
        foreach (var unit in units)
        {
            unit.Descendants(X2 + "segment").Single().Add(TranslatedCopy(unit.Descendants(X2 + "source").Single(), X2 + "target"));
        }
        units[1].Descendants(X2 + "target").Single().Descendants(X2 + "pc").First().SetAttributeValue("id", "99");
        var copy = units[2].Descendants(X2 + "target").Single();
        copy.ReplaceWith(new XElement(X2 + "target", units[2].Descendants(X2 + "source").Single().Nodes()));

        var report = (await (await UploadAsync(_volunteer, exported)).Content.ReadFromJsonAsync<XliffImportReport>(ApiJson.Options))!;

        Assert.Equal((1, 1, 2), (report.Applied, report.Unchanged, report.Rejected));
        Assert.Equal([UnitOutcome.Rejected, UnitOutcome.Rejected, UnitOutcome.Unchanged, UnitOutcome.Applied], report.Units.Select(u => u.Outcome));
        Assert.Equal("another volunteer has claimed this segment", report.Units[0].Reason);
        Assert.Contains("'99'", report.Units[1].Reason, StringComparison.Ordinal);
        Assert.Contains("not a code of the source", report.Units[1].Reason, StringComparison.Ordinal);
        Assert.Equal("the target is a copy of the source, not a translation", report.Units[2].Reason);
        Assert.Equal(_segments.Select(s => (Guid?)s.Id), report.Units.Select(u => u.SegmentId));
        Assert.Equal(["Claimed", "Claimed", "Claimed", "Translated"],
            await api.Database.QueryAsync<string>("SELECT t.state FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id WHERE t.language = 'fr' ORDER BY s.ordinal"));
    }

    [Fact]
    public async Task After_the_lease_ran_out_and_the_work_was_reassigned_nothing_is_applied_and_the_report_says_why()
    {
        await ClaimAsync(_volunteer, words: 14); // the first two segments
        var exported = Translated(await ExportAsync(_volunteer, "units=claimedByMe"));
        Assert.Equal([_segments[0].Key, _segments[1].Key], exported.Descendants(X2 + "unit").Select(u => (string?)u.Attribute("id")));
        api.Clock.Advance(TimeSpan.FromHours(49));
        await api.SweepExpiredClaimsAsync();
        var reassigned = await ClaimAsync(_coordinator, words: 1); // takes the first one
        Assert.Equal(_segments[0].Id, Assert.Single(reassigned.SegmentIds));
        var before = await api.Database.SnapshotAsync();

        var report = (await (await UploadAsync(_volunteer, exported)).Content.ReadFromJsonAsync<XliffImportReport>(ApiJson.Options))!;

        Assert.Equal((0, 0, 2), (report.Applied, report.Unchanged, report.Rejected));
        Assert.Equal("your claim expired and the segment was reassigned to another volunteer", report.Units[0].Reason);
        Assert.Equal("your claim on this segment ended (expired or released); claim it again", report.Units[1].Reason);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Omegat_style_prefilled_xliff_1_2_applies_only_what_was_translated()
    {
        await ClaimAsync(_volunteer, words: 1000);
        var exported = await ExportAsync(_volunteer, "units=claimedByMe&version=1.2&prefillTargets=true");
        var first = exported.Descendants(X12 + "trans-unit").First();
        first.Element(X12 + "target")!.ReplaceWith(TranslatedCopy(first.Element(X12 + "source")!, X12 + "target"));

        var report = (await (await UploadAsync(_volunteer, exported)).Content.ReadFromJsonAsync<XliffImportReport>(ApiJson.Options))!;

        Assert.Equal(("1.2", 1, 3, 0), (report.Version, report.Applied, report.Unchanged, report.Rejected));
        Assert.All(report.Units.Skip(1), u => Assert.Equal("the target is a copy of the source, not a translation", u.Reason));
    }

    [Fact]
    public async Task A_po_file_from_xliff2po_edited_and_converted_back_with_po2xliff_imports()
    {
        await ClaimAsync(_volunteer, words: 1000);
        var work = Directory.CreateTempSubdirectory("po-round-trip");
        var xliff = Path.Combine(work.FullName, "paper.fr.xlf");
        (await ExportAsync(_volunteer, "units=claimedByMe&version=1.2")).Save(xliff);
        var po = Path.Combine(work.FullName, "paper.fr.po");
        TranslateToolkit.Run("xliff2po", xliff, po);

        // A translator in a PO editor fills in three entries; inline codes were flattened to text by xliff2po, so the
        // second one comes back without its codes and the inline-codes check refuses it.
        var translations = new Dictionary<string, string>
        {
            [_segments[0].Key] = "Le Groupe de travail s’est réuni à Genève.",
            [_segments[1].Key] = "Le SMSI a demandé un rapport sur la gouvernance.",
            [_segments[3].Key] = "Les commentaires sont bienvenus jusqu’à la prochaine réunion.",
        };
        var text = File.ReadAllText(po);
        var edited = PoEntry().Replace(text, m => translations.TryGetValue(m.Groups["id"].Value, out var french)
            ? $"{m.Groups["head"].Value}msgstr \"{french}\"\n"
            : m.Value);
        File.WriteAllText(po, edited);
        var back = Path.Combine(work.FullName, "back.xlf");
        TranslateToolkit.Run("po2xliff", po, back);

        using var form = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(back)), "file", "back.xlf" } };
        var response = await _volunteer.PostAsync($"{DocumentUrl}/xliff?language=fr", form);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = (await response.Content.ReadFromJsonAsync<XliffImportReport>(ApiJson.Options))!;
        Assert.Equal((2, 1, 1), (report.Applied, report.Unchanged, report.Rejected));
        Assert.Contains("[inline-codes]", report.Units.Single(u => u.Outcome == UnitOutcome.Rejected).Reason, StringComparison.Ordinal);
        Assert.Equal([translations[_segments[0].Key], translations[_segments[3].Key]],
            await api.Database.QueryAsync<string>("SELECT t.text FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id WHERE t.state = 'Translated' ORDER BY s.ordinal"));
        work.Delete(recursive: true);
    }

    public static TheoryData<string, string, HttpStatusCode, string> BrokenFiles => new()
    {
        { "xxe", """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr">&e;</xliff>""", HttpStatusCode.BadRequest, "DTDs are not allowed" },
        { "billion laughs", """<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xliff>&b;</xliff>""", HttpStatusCode.BadRequest, "DTDs are not allowed" },
        { "wrong namespace", """<xliff xmlns="urn:example:not-xliff" version="2.1"/>""", HttpStatusCode.BadRequest, "not an XLIFF namespace" },
        { "xliff 1.1", """<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1"><file original="a" source-language="en" datatype="plaintext"><body/></file></xliff>""", HttpStatusCode.BadRequest, "XLIFF 1.1 is not supported" },
        { "not xml", "msgid \"hello\"", HttpStatusCode.BadRequest, "not valid XLIFF" },
        { "duplicate ids", """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr"><file id="f"><unit id="u"><segment><source>a</source></segment></unit><unit id="u"><segment><source>b</source></segment></unit></file></xliff>""", HttpStatusCode.BadRequest, "not valid XLIFF" },
        { "source language", """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de" trgLang="fr"><file id="f"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>""", HttpStatusCode.UnprocessableEntity, "source language is 'de'" },
        { "target language", """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="es"><file id="f"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>""", HttpStatusCode.UnprocessableEntity, "target language is 'es'" },
        { "another document", """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr"><file id="0123456789abcdef0123456789abcdef"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>""", HttpStatusCode.UnprocessableEntity, "exported from document '0123456789abcdef0123456789abcdef'" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task Hostile_or_mismatched_files_are_a_4xx_and_nothing_is_stored(string name, string content, HttpStatusCode status, string detail)
    {
        await ClaimAsync(_volunteer, words: 1000);
        var before = await api.Database.SnapshotAsync();

        var response = await UploadAsync(_volunteer, Encoding.UTF8.GetBytes(content), $"?language=fr&case={Uri.EscapeDataString(name)}");

        await response.AssertProblemAsync(status, detail);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    // Files a CAT tool could hand back under a live claim, each translated in full but breaking one
    // processing requirement of XLIFF 2.1 (docs/conformance.md): the whole file is refused.
    public static TheoryData<string, string> NonConformingEdits => new()
    {
        { "subState without state", "subState" },
        { "translated without a target", "state" },
        { "a target reusing the segment's id", "unique ids" },
        { "a generic annotation without translate", "translate" },
    };

    [Theory]
    [MemberData(nameof(NonConformingEdits))]
    public async Task A_claimed_file_breaking_an_xliff_requirement_changes_nothing(string edit, string rule)
    {
        await ClaimAsync(_volunteer, words: 1000);
        var file = Translated(await ExportAsync(_volunteer, "units=claimedByMe"));
        var segments = file.Descendants(X2 + "segment").ToList();
        switch (edit)
        {
            case "subState without state":
                segments[0].SetAttributeValue("state", null);
                segments[0].SetAttributeValue("subState", "cat:draft");
                break;
            case "translated without a target":
                segments[3].SetAttributeValue("state", "translated");
                segments[3].Element(X2 + "target")!.Remove();
                break;
            case "a target reusing the segment's id":
                segments[0].SetAttributeValue("id", "s1");
                segments[0].Element(X2 + "target")!.Add(new XElement(X2 + "ph", new XAttribute("id", "s1")));
                break;
            default:
                segments[0].Element(X2 + "target")!.Add(new XElement(X2 + "mrk", new XAttribute("id", "m1"), "x"));
                break;
        }
        var before = await api.Database.SnapshotAsync();

        var response = await UploadAsync(_volunteer, file);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, $"({rule})");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Invalid_utf8_oversized_files_and_missing_rights_are_refused_and_nothing_is_stored()
    {
        await ClaimAsync(_volunteer, words: 1000);
        var before = await api.Database.SnapshotAsync();
        var valid = Encoding.UTF8.GetBytes((await ExportAsync(_volunteer, "units=claimedByMe")).ToString());
        var invalidUtf8 = Encoding.UTF8.GetBytes("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\">")
            .Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat("</xliff>"u8.ToArray()).ToArray();
        var oversize = new byte[10 * 1024 * 1024 + 1];
        Array.Fill(oversize, (byte)' ');

        await (await UploadAsync(_volunteer, invalidUtf8)).AssertProblemAsync(HttpStatusCode.BadRequest, "not valid XLIFF");
        await (await UploadAsync(_volunteer, oversize)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "the limit is 10,485,760 bytes");
        await (await UploadAsync(_volunteer, new byte[100 * 1024 * 1024])).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await UploadAsync(api.CreateClient(TestAccounts.AdminToken), valid)).AssertProblemAsync(HttpStatusCode.Forbidden, "may not translate into 'fr'");
        await (await UploadAsync(api.CreateClient((string?)null), valid)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    private async Task<ClaimResponse> ClaimAsync(HttpClient client, int words)
    {
        var response = await client.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr", words });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
    }

    // The volunteer claims all four segments; the export comes back with the first three translated, the fourth left to the editor.
    private async Task<XDocument> FirstThreeOfFourTranslatedAsync()
    {
        await ClaimAsync(_volunteer, words: 1000);
        var exported = await ExportAsync(_volunteer, "units=claimedByMe");
        foreach (var unit in exported.Descendants(X2 + "unit").Take(3))
        {
            unit.Descendants(X2 + "segment").Single().Add(TranslatedCopy(unit.Descendants(X2 + "source").Single(), X2 + "target"));
        }
        return exported;
    }

    private async Task<XDocument> ExportAsync(HttpClient client, string query) =>
        XDocument.Parse(await client.GetStringAsync($"{DocumentUrl}/xliff?language=fr&{query}"), LoadOptions.PreserveWhitespace);

    private Task<HttpResponseMessage> UploadAsync(HttpClient client, XDocument xliff) =>
        UploadAsync(client, Encoding.UTF8.GetBytes(xliff.Declaration + xliff.ToString(SaveOptions.DisableFormatting)));

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string query = "")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "paper.fr.xlf" } };
        return await client.PostAsync($"{DocumentUrl}/xliff{query}", form);
    }

    // Every unit gets a target: its source with each text run translated and its codes where they were.
    private static XDocument Translated(XDocument xliff)
    {
        foreach (var segment in xliff.Descendants(X2 + "segment"))
        {
            segment.Add(TranslatedCopy(segment.Element(X2 + "source")!, X2 + "target"));
        }
        return xliff;
    }

    private static XElement TranslatedCopy(XElement source, XName name)
    {
        var copy = new XElement(name, source.Nodes());
        foreach (var text in copy.DescendantNodes().OfType<XText>().Where(t => t.Value.Trim().Length > 0))
        {
            // Spacing stays outside the brackets, as a translator would leave it.
            var value = text.Value;
            text.Value = value[..(value.Length - value.TrimStart().Length)] + $"[fr {value.Trim()}]" + value[value.TrimEnd().Length..];
        }
        return copy;
    }

    private static List<string> Codes(XElement content) =>
        [.. content.Descendants().Select(e => $"{e.Name.LocalName}:{(string?)e.Attribute("id") ?? (string?)e.Attribute("startRef")}")];

    [GeneratedRegex(@"(?<head>#: (?<id>\S+)\n(?:#.*\n)*msgid (?:"".*""\n)+)msgstr (?:"".*""\n?)+", RegexOptions.Multiline)]
    private static partial Regex PoEntry();
}
