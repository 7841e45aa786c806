using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Domain.Activity;
using Wgig.Translate.Domain.Progress;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Api.Tests.Documents;

/// <summary>A document's progress is exact at every moment: it moves with each change, in the change's own transaction, without a recount.</summary>
public sealed class LiveProgressTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly XNamespace X2 = XliffSchemas.Core2Namespace;

    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _ana = api.CreateClient(TestAccounts.VolunteerToken);
    private readonly HttpClient _bo = api.CreateClient(TestAccounts.SecondVolunteerToken);
    private Guid _projectId;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _coordinator.CreateProjectAsync(targets: ["fr"]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Progress_moves_with_each_submission_review_upload_and_new_version_without_a_recount()
    {
        // Words: 6, 4, 5, 4.
        var (documentId, segments) = await UploadAsync("paper.md",
            "The group met twice in Geneva.\n\nIt wrote a report.\n\nThe report went to Tunis.\n\nComments are welcome here.\n");
        await GrantAsync("volunteer@test.example", "volunteer2@test.example");
        var url = $"/api/projects/{_projectId}/documents/{documentId}";
        Assert.Equal((4, 19, 0, 0, 0, 0), await ProgressAsync(documentId));

        await ClaimAsync(_ana, url, 100);
        Assert.Equal(HttpStatusCode.OK, (await _ana.PutAsJsonAsync($"{url}/segments/{segments[0].Id}/translations/fr", Runs("Le groupe s’est réuni deux fois à Genève."))).StatusCode);
        Assert.Equal((4, 19, 1, 6, 0, 0), await ProgressAsync(documentId));

        Assert.Equal(HttpStatusCode.OK, (await _bo.PostAsJsonAsync($"{url}/segments/{segments[0].Id}/translations/fr/review", new { decision = "approve" })).StatusCode);
        Assert.Equal((4, 19, 1, 6, 1, 6), await ProgressAsync(documentId));

        var xliff = XDocument.Parse(await _ana.GetStringAsync($"{url}/xliff?language=fr&units=claimedByMe"), LoadOptions.PreserveWhitespace);
        var uploaded = await UploadXliffAsync(_ana, url, Translate(xliff, keys: [segments[1].Key, segments[2].Key]));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal((4, 19, 3, 15, 1, 6), await ProgressAsync(documentId));

        // The approved first sentence is edited (its translation needs an update) and the last one goes.
        var version = await _coordinator.PostAsync($"{url}/versions", new MultipartFormDataContent
        {
            { new ByteArrayContent("The group met three times in Geneva.\n\nIt wrote a report.\n\nThe report went to Tunis.\n"u8.ToArray()), "file", "paper.md" },
        });
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Equal((3, 16, 2, 9, 0, 0), await ProgressAsync(documentId));

        // The activity feed tells the same story: a batch's steps are one entry each, with the segments they covered.
        var activity = (await _coordinator.GetFromJsonAsync<List<ActivityEntry>>($"/api/projects/{_projectId}/activity?kind=submission&kind=review", ApiJson.Options))!;
        var steps = activity.Where(e => e.Path == "paper.md").ToList();
        Assert.Equal((1, 3), (steps.Where(e => e.What == "Approved").Sum(e => e.Segments), steps.Where(e => e.What == "Submitted").Sum(e => e.Segments)));
    }

    [Fact]
    public async Task Progress_is_exact_at_every_moment_under_concurrent_claims_submissions_reviews_uploads_and_a_new_version()
    {
        var paper = new StringBuilder();
        for (var i = 1; i <= 160; i++)
        {
            paper.Append("Paragraph ").Append(i).Append(" says ").Append(string.Join(' ', Enumerable.Repeat("word", i % 7))).Append(" here.\n\n");
        }
        var (documentId, _) = await UploadAsync("crowd.md", paper.ToString());
        var url = $"/api/projects/{_projectId}/documents/{documentId}";
        var volunteers = await TestAccounts.SeedVolunteersAsync(api.Database, 8, _projectId, "fr");
        await GrantAsync("volunteer2@test.example");
        using var stop = new CancellationTokenSource();
        // Hand-ins as events: the new version lands once work has come in, and the reviewer waits for work, not for a time.
        var firstHandIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handIns = new SemaphoreSlim(0);
        void HandedIn()
        {
            firstHandIn.TrySetResult();
            handIns.Release();
        }

        // The checker compares, in one statement (one snapshot), what a reader sees with a count of the targets themselves.
        var samples = 0;
        var mismatches = new List<string>();
        var checker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                mismatches.AddRange(await api.Database.QueryAsync<string>(MismatchSql(documentId)));
                samples++;
                await Task.Delay(20);
            }
        });
        var folder = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var db = api.Database.OpenStore();
                await ProgressCounts.FoldAsync(db, CancellationToken.None);
                await Task.Delay(150);
            }
        });
        var translators = volunteers.Select((v, i) => Task.Run(async () =>
        {
            var client = api.CreateClient(v.Token);
            for (var round = 0; round < 6; round++)
            {
                using var claimed = await client.PostAsJsonAsync($"{url}/claims", new { language = "fr", words = 25 });
                if (claimed.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    // Busy (a deadlock's victim or a wait that ran out on a loaded machine): nothing was done, the next round retries.
                    await claimed.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "busy right now");
                    continue;
                }
                if (claimed.StatusCode != HttpStatusCode.Created)
                {
                    // Nothing left to claim is the one way a translator stops early.
                    var refusal = await claimed.Content.ReadAsStringAsync();
                    Assert.True(refusal.Contains("Nothing to claim", StringComparison.Ordinal), refusal);
                    return;
                }
                var claim = (await claimed.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
                if (i % 2 == 0)
                {
                    var xliff = XDocument.Parse(await client.GetStringAsync($"{url}/xliff?language=fr&units=claimedByMe"), LoadOptions.PreserveWhitespace);
                    using var uploaded = await UploadXliffAsync(client, url, Translate(xliff, keys: null));
                    Assert.True(uploaded.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, await uploaded.Content.ReadAsStringAsync());
                    if (uploaded.StatusCode == HttpStatusCode.OK)
                    {
                        HandedIn();
                    }
                    continue;
                }
                foreach (var segment in claim.SegmentIds)
                {
                    using var submitted = await client.PutAsJsonAsync($"{url}/segments/{segment}/translations/fr", Runs($"Paragraphe traduit {segment}."));
                    // A new version may have retired or reworded the segment meanwhile: refused, and nothing moved.
                    Assert.True(submitted.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.BadRequest, await submitted.Content.ReadAsStringAsync());
                }
                HandedIn();
            }
        })).ToList();
        var translatorsDone = Task.WhenAll(translators);
        var reviewer = Task.Run(async () =>
        {
            for (var round = 0; round < 12 && !stop.IsCancellationRequested; round++)
            {
                using var batch = await _bo.PostAsJsonAsync($"{url}/reviews", new { language = "fr", words = 30 });
                if (batch.StatusCode != HttpStatusCode.Created)
                {
                    if (translatorsDone.IsCompleted)
                    {
                        return;
                    }
                    await Task.WhenAny(handIns.WaitAsync(), translatorsDone);
                    continue;
                }
                foreach (var segment in (await batch.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!.SegmentIds)
                {
                    using var reviewed = await _bo.PostAsJsonAsync($"{url}/segments/{segment}/translations/fr/review",
                        round % 3 == 2 ? new { decision = "reject", comment = "Say it more simply." } : (object)new { decision = "approve" });
                    Assert.True(reviewed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, await reviewed.Content.ReadAsStringAsync());
                }
            }
        });
        var editor = Task.Run(async () =>
        {
            await Task.WhenAny(firstHandIn.Task, translatorsDone);
            // Paragraphs 3, 13, 23 … reworded, 5, 15, 25 … gone.
            var edited = new StringBuilder();
            for (var i = 1; i <= 160; i++)
            {
                if (i % 10 == 5)
                {
                    continue;
                }
                edited.Append("Paragraph ").Append(i).Append(" says ").Append(string.Join(' ', Enumerable.Repeat("word", i % 7)))
                    .Append(i % 10 == 3 ? " here and now.\n\n" : " here.\n\n");
            }
            using var version = await _coordinator.PostAsync($"{url}/versions", new MultipartFormDataContent
            {
                { new ByteArrayContent(Encoding.UTF8.GetBytes(edited.ToString())), "file", "crowd.md" },
            });
            Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        });

        await Task.WhenAll([.. translators, reviewer, editor]);
        stop.Cancel();
        await Task.WhenAll(checker, folder);

        Assert.True(samples > 10, $"only {samples} samples");
        Assert.Empty(mismatches);
        Assert.Empty(await api.Database.QueryAsync<string>(MismatchSql(documentId)));
        var (segments, _, translated, _, approved, _) = await ProgressAsync(documentId);
        Assert.Equal(144, segments);
        var events = string.Join(", ", await api.Database.QueryAsync<string>("SELECT kind || ' ' || count(*) FROM translate.target_events GROUP BY kind ORDER BY kind"));
        Assert.True(translated > 50 && approved > 0, $"translated {translated}, approved {approved} ({events}): the run did too little to prove anything");
    }

    // Per language: folded rows plus pending changes, less a fresh count of the targets; a row for each language where they differ.
    private static string MismatchSql(Guid documentId) => $"""
        SELECT language || ': ' || sum(ts) || ' ' || sum(tw) || ' ' || sum(aps) || ' ' || sum(apw) FROM (
            SELECT language, translated_segments AS ts, translated_words AS tw, approved_segments AS aps, approved_words AS apw
            FROM translate.document_progress WHERE document_id = '{documentId}'
            UNION ALL
            SELECT language, translated_segments, translated_words, approved_segments, approved_words
            FROM translate.document_progress_changes WHERE document_id = '{documentId}'
            UNION ALL
            SELECT t.language, -count(*), -sum(s.word_count), -count(*) FILTER (WHERE t.state = 'Approved'),
                   -coalesce(sum(s.word_count) FILTER (WHERE t.state = 'Approved'), 0)
            FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
            WHERE s.document_id = '{documentId}' AND s.retired_in_version IS NULL AND t.state IN ('Translated', 'Approved')
            GROUP BY t.language) x
        GROUP BY language
        HAVING sum(ts) <> 0 OR sum(tw) <> 0 OR sum(aps) <> 0 OR sum(apw) <> 0
        """;

    private async Task<(int, int, int, int, int, int)> ProgressAsync(Guid documentId)
    {
        var document = (await _coordinator.GetFromJsonAsync<DocumentResponse>($"/api/projects/{_projectId}/documents/{documentId}", ApiJson.Options))!;
        var fr = Assert.Single(document.Progress);
        return (fr.SegmentCount, fr.WordCount, fr.TranslatedSegments, fr.TranslatedWords, fr.ApprovedSegments, fr.ApprovedWords);
    }

    private async Task<(Guid, List<SegmentResponse>)> UploadAsync(string name, string markdown)
    {
        var upload = await _coordinator.UploadAsync(_projectId, name, Encoding.UTF8.GetBytes(markdown));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var documentId = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id;
        var segments = (await _coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{_projectId}/documents/{documentId}/segments?pageSize=500", ApiJson.Options))!;
        return (documentId, [.. segments.Items]);
    }

    private async Task GrantAsync(params string[] emails)
    {
        foreach (var email in emails)
        {
            var account = (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();
            Assert.Equal(HttpStatusCode.OK, (await _coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{account}/languages/fr",
                new { canTranslate = true, canReview = true })).StatusCode);
        }
    }

    private static async Task ClaimAsync(HttpClient client, string url, int words) =>
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"{url}/claims", new { language = "fr", words })).StatusCode);

    // Placeholder translations: the checks' warnings about them (numbers, length, punctuation) are acknowledged.
    private static object Runs(string text) => new { runs = new[] { new { text } }, acknowledge = new[] { "numbers", "length", "final-punctuation", "untranslated", "references", "whitespace" } };

    // The units named (all when null) get a target: their source, each text run marked as French.
    private static XDocument Translate(XDocument xliff, IReadOnlyCollection<string>? keys)
    {
        foreach (var unit in xliff.Descendants(X2 + "unit").Where(u => keys is null || keys.Contains((string)u.Attribute("id")!)))
        {
            var source = unit.Descendants(X2 + "source").Single();
            var target = new XElement(X2 + "target", source.Nodes());
            foreach (var text in target.DescendantNodes().OfType<XText>().Where(t => t.Value.Trim().Length > 0))
            {
                text.Value = $"[fr] {text.Value}";
            }
            // A unit sent back (rejected, or its source changed) comes with its old target: the new one replaces it.
            unit.Descendants(X2 + "target").Remove();
            unit.Descendants(X2 + "segment").Single().Add(target);
        }
        return xliff;
    }

    private static async Task<HttpResponseMessage> UploadXliffAsync(HttpClient client, string url, XDocument xliff)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(xliff.Declaration + xliff.ToString(SaveOptions.DisableFormatting))), "file", "paper.fr.xlf" },
        };
        return await client.PostAsync($"{url}/xliff", form);
    }
}
