using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;

namespace Wgig.Translate.Bench.Faults;

/// <summary>
/// The API SIGKILLed in the middle of uploads, each of the three kinds: a new document, a new version of one, and a
/// translated XLIFF. After a restart, each upload is in the store whole or not at all: a document with every
/// segment its file gives, or none; the previous version with its segments, or the new one with its; every unit of
/// the XLIFF submitted, or none.
/// </summary>
internal sealed class ApiKillScenario : IFaultScenario
{
    public string Name => "api-kills";

    public string Description => "the API SIGKILLed in the middle of document, new-version and XLIFF uploads: each stored whole or not at all";

    public async Task RunAsync(Harness harness, ScenarioReport report)
    {
        await using var site = await Site.CreateAsync(harness, "api_kills");
        var settings = ("Claims__MaxOpenWords", "1000000");
        var (api, url) = await site.StartApiAsync(null, settings);
        site.StartWorker();
        var admin = Site.Client(url, site.Admin);
        var translator = Site.Client(url, site.Translators[0]);
        var projectId = await site.CreateProjectAsync(admin, "Uploads under fire", "fr");
        var rounds = harness.Size(2, 10);
        var outcomes = new Dictionary<string, (int Whole, int None)>();
        void Count(string kind, bool stored) => outcomes[kind] = stored
            ? (outcomes.GetValueOrDefault(kind).Whole + 1, outcomes.GetValueOrDefault(kind).None)
            : (outcomes.GetValueOrDefault(kind).Whole, outcomes.GetValueOrDefault(kind).None + 1);

        // Kills somewhere in an upload's life: from its first bytes to a little after a whole upload's time.
        async Task KillDuringAsync(Func<Task> upload, TimeSpan typical)
        {
            var sending = upload();
            await Task.Delay(TimeSpan.FromMilliseconds(harness.Random.NextDouble() * typical.TotalMilliseconds * 1.1));
            api.Kill();
            try
            {
                await sending;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // the connection died with the API, or the answer came first
            }
            (api, _) = await site.StartApiAsync(url, settings);
            (admin, translator) = (Site.Client(url, site.Admin), Site.Client(url, site.Translators[0]));
        }

        // New documents: a large paper, so the import (split, segment, one transaction) takes a while.
        var paper = Encoding.UTF8.GetBytes(Papers.Markdown(1, 40 * harness.Size(6, 20)));
        var clock = Stopwatch.StartNew();
        var reference = (await Site.JsonAsync(await admin.PostAsync($"/api/projects/{projectId}/documents", Site.File("reference.md", paper)))).GetProperty("id").GetGuid();
        var typical = clock.Elapsed;
        var segments = await site.ScalarAsync<long>($"SELECT count(*) FROM translate.segments WHERE document_id = '{reference}'");
        report.Measure($"one upload of a {paper.Length / 1024:N0} KB paper ({segments:N0} segments), no fault", typical.TotalMilliseconds, "ms");
        for (var round = 1; round <= rounds; round++)
        {
            var path = $"killed-{round}.md";
            await KillDuringAsync(() => admin.PostAsync($"/api/projects/{projectId}/documents", Site.File(path, paper)), typical);
            var stored = await site.QueryAsync<long>($"""
                SELECT (SELECT count(*) FROM translate.segments s WHERE s.document_id = d.id) FROM translate.documents d
                WHERE d.project_id = '{projectId}' AND d.path = '{path}'
                """);
            report.Check(stored.Count == 0 || stored.Single() == segments, "a document upload killed part-way is stored whole or not at all",
                $"{path}: {string.Join(", ", stored)} of {segments} segments");
            Count("document", stored.Count == 1);
        }

        // New versions: every other paragraph edited, so segments change, come and go.
        var versioned = (await Site.JsonAsync(await admin.PostAsync($"/api/projects/{projectId}/documents", Site.File("versioned.md", paper)))).GetProperty("id").GetGuid();
        for (var round = 1; round <= rounds; round++)
        {
            var before = await FingerprintAsync(site, versioned);
            var version = Encoding.UTF8.GetBytes(string.Join("\n\n", Encoding.UTF8.GetString(paper).Split("\n\n")
                .Select((p, i) => i % 2 == round % 2 && p.Length > 0 && !p.StartsWith('#') ? $"{p} Revision {round}." : p)));
            // What this version gives, from an upload of it as a document of its own.
            var expected = (await Site.JsonAsync(await admin.PostAsync($"/api/projects/{projectId}/documents", Site.File($"expected-{round}.md", version)))).GetProperty("id").GetGuid();
            var expectedSegments = await site.ScalarAsync<long>($"SELECT count(*) FROM translate.segments WHERE document_id = '{expected}'");
            await KillDuringAsync(() => admin.PostAsync($"/api/projects/{projectId}/documents/{versioned}/versions", Site.File("versioned.md", version)), typical);
            var after = await FingerprintAsync(site, versioned);
            var advanced = after.Version == before.Version + 1;
            report.Check(after == before || (advanced && after.Current == expectedSegments && after.Content == Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(version))),
                "a new version killed part-way leaves the previous version as it was, or the new one whole", $"before {before}, after {after}, expected {expectedSegments} current segments");
            Count("new version", advanced);
        }

        // XLIFF: the translator claims a fresh paper whole, translates every unit offline, uploads.
        for (var round = 1; round <= rounds; round++)
        {
            var documentId = (await Site.JsonAsync(await admin.PostAsync($"/api/projects/{projectId}/documents",
                Site.File($"offline-{round}.md", Encoding.UTF8.GetBytes(Papers.Markdown(100 + round, 60)))))).GetProperty("id").GetGuid();
            await Site.JsonAsync(await translator.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = "fr", words = 100_000 }));
            var xliff = Papers.TranslateXliff(await translator.GetStringAsync($"/api/projects/{projectId}/documents/{documentId}/xliff?language=fr&units=claimedByMe"), out var units);
            var submitted = $"""
                SELECT count(*) FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
                WHERE s.document_id = '{documentId}' AND t.state = 'Translated' AND t.translator_id = '{site.Translators[0].Id}'
                """;
            if (round == 1)
            {
                clock.Restart();
                await Site.JsonAsync(await translator.PostAsync($"/api/projects/{projectId}/documents/{documentId}/xliff?acknowledgeWarnings=true", Site.File("offline.xlf", xliff)));
                typical = clock.Elapsed;
                report.Check(await site.ScalarAsync<long>(submitted) == units, "an XLIFF upload without a fault submits every unit");
                report.Measure($"one XLIFF upload of {units} units, no fault", typical.TotalMilliseconds, "ms");
                continue;
            }
            await KillDuringAsync(() => translator.PostAsync($"/api/projects/{projectId}/documents/{documentId}/xliff?acknowledgeWarnings=true", Site.File("offline.xlf", xliff)), typical);
            var applied = await site.ScalarAsync<long>(submitted);
            report.Check(applied == 0 || applied == units, "an XLIFF upload killed part-way submits every unit or none", $"{applied} of {units}");
            Count("XLIFF", applied == units);
        }
        await site.CheckWorkflowInvariantsAsync(report);
        report.Measure("uploads killed: stored whole / not at all", string.Join("; ", outcomes.Select(o => $"{o.Key} {o.Value.Whole} / {o.Value.None}")));
        admin.Dispose();
        translator.Dispose();
    }

    private sealed record Fingerprint(int Version, long Current, long Retired, string Content);

    private static async Task<Fingerprint> FingerprintAsync(Site site, Guid documentId) => (await site.QueryAsync<string>($"""
        SELECT d.current_version || ' ' || (SELECT count(*) FROM translate.segments s WHERE s.document_id = d.id AND s.retired_in_version IS NULL)
            || ' ' || (SELECT count(*) FROM translate.segments s WHERE s.document_id = d.id AND s.retired_in_version IS NOT NULL)
            || ' ' || (SELECT encode(sha256(v.content), 'hex') FROM translate.document_versions v WHERE v.document_id = d.id AND v.number = d.current_version)
        FROM translate.documents d WHERE d.id = '{documentId}'
        """)).Single().Split(' ') switch
    {
        var p => new Fingerprint(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), p[3]),
    };
}
