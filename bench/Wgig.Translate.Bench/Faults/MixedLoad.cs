using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Wgig.Translate.Bench.Faults;

/// <summary>A write the API acknowledged (2xx), with the unique mark it carried, to be found in the store exactly once.</summary>
internal sealed record Acknowledged(string Kind, Guid SegmentId, Guid Actor, string Mark, DateTimeOffset At);

/// <summary>
/// The mixed load of volunteers over loopback for a bounded time: translators claim the next batch, look at the
/// editor's segment page, autosave drafts every few seconds (think time), submit, and every few batches work
/// offline (XLIFF download, translate, upload); reviewers claim review batches and approve or reject with a comment,
/// and look at the review queue. Every other translator also works in the browser: signed in through the web app's
/// form (its antiforgery token, the session cookie kept), they open the editor page of their claim, turn to its next
/// page, and come back to the editor at each segment before drafting it; a coordinator, signed in the same way, keeps
/// the project's dashboard open (the page, and every few seconds the live figures its script fetches). A page must
/// answer 200. A 503 is retried after its Retry-After, as a client does (a browser reloads the 503 page). Every
/// acknowledged write carries a unique mark, so the store can be checked afterwards: each stored exactly once, with its history.
/// </summary>
internal sealed partial class MixedLoad(Site site, Guid projectId, IReadOnlyList<Guid> documents, string language)
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
    private readonly ConcurrentDictionary<string, int> _statuses = new();
    private readonly ConcurrentBag<Acknowledged> _acknowledged = [];
    private readonly ConcurrentBag<(Guid Segment, Guid Volunteer)> _claimed = [];
    private readonly ConcurrentBag<(DateTimeOffset At, string Call, int Status, bool AsExpected)> _failures = [];
    private readonly ConcurrentDictionary<string, int> _answered = new();
    private readonly ConcurrentDictionary<Guid, JsonElement> _sources = new();
    private int _marks;

    /// <summary>Pause between a translator's autosaves (and between segments): the editor's think time, shortened so a bounded run does real work.</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromMilliseconds(400);

    public IReadOnlyCollection<Acknowledged> Writes => _acknowledged;

    public IEnumerable<(Guid Segment, Guid Volunteer)> Claims => _claimed;

    /// <summary>
    /// Every answer that was neither 2xx nor an expected refusal (4xx; for a page or the sign-in, anything but its one answer),
    /// with when, and whether it was a 503 as it should be: with Retry-After, and for a page a page (HTML; text for the live figures).
    /// </summary>
    public IEnumerable<(DateTimeOffset At, string Call, int Status, bool AsExpected)> Failures => _failures;

    /// <summary>What the browser does, each a timed operation: its one right answer is 200 (the sign-in's 303 to the front door).</summary>
    public static readonly string[] PageViews = [SignIn, EditorPage, EditorPageTurned, DashboardPage, LiveFigures];

    private const string SignIn = "sign in (web)";
    private const string EditorPage = "editor page";
    private const string EditorPageTurned = "editor page turned";
    private const string DashboardPage = "dashboard page";
    private const string LiveFigures = "dashboard live figures";

    /// <summary>How often the coordinator's open dashboard asks for its live figures (the page's own script: every 15 s; here more often).</summary>
    public TimeSpan DashboardRefresh { get; init; } = TimeSpan.FromSeconds(3);

    public int Count(string statusClass) => _statuses.GetValueOrDefault(statusClass);

    public double Seconds { get; private set; }

    /// <summary>Operations answered 2xx per second.</summary>
    public double Throughput => _latencies.Values.Sum(l => l.Count) / Seconds;

    /// <summary>A project in French with papers to translate, and the site's volunteers holding the rights, ready for a load.</summary>
    public static async Task<MixedLoad> PrepareAsync(Site site, string url, int papers)
    {
        using var admin = Site.Client(url, site.Admin);
        var projectId = await site.CreateProjectAsync(admin, "Mixed load", "fr");
        var documents = new List<Guid>();
        for (var paper = 1; paper <= papers; paper++)
        {
            documents.Add((await Site.JsonAsync(await admin.PostAsync($"/api/projects/{projectId}/documents",
                Site.File($"paper-{paper}.md", Encoding.UTF8.GetBytes(Papers.Markdown(paper * 11, 80)))))).GetProperty("id").GetGuid());
        }
        return new MixedLoad(site, projectId, documents, "fr");
    }

    public Guid ProjectId => projectId;

    /// <summary>
    /// Runs the load for the warm-up and then the measured time without a pause; throughput and latencies count the
    /// measured time only (JIT, pools and plans warm by then), the acknowledged writes and claims count from the start.
    /// </summary>
    public async Task RunAsync(TimeSpan duration, IReadOnlyList<string> apiUrls, TimeSpan? warmUp = null, CancellationToken until = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(until);
        stop.CancelAfter(duration + (warmUp ?? TimeSpan.Zero));
        var workers = site.Translators.Select((t, i) => TranslateAsync(t, apiUrls[i % apiUrls.Count], i, stop.Token))
            .Concat(site.Reviewers.Select((r, i) => ReviewAsync(r, apiUrls[i % apiUrls.Count], stop.Token)))
            .Append(WatchDashboardAsync(site.Coordinator, apiUrls[^1], stop.Token)).ToList();
        if (warmUp is { } time)
        {
            await Task.Delay(time, CancellationToken.None);
        }
        var clock = Stopwatch.StartNew();
        _measuring = true;
        await Task.WhenAll(workers);
        Seconds = clock.Elapsed.TotalSeconds;
    }

    private volatile bool _measuring;

    /// <summary>Throughput and latency percentiles per operation, as table rows.</summary>
    public IEnumerable<string> Table()
    {
        yield return "| operation | answered 2xx | per second | p50 ms | p95 ms | p99 ms |";
        yield return "|---|---:|---:|---:|---:|---:|";
        foreach (var (name, bag) in _latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var sorted = bag.Order().ToArray();
            double P(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            yield return string.Create(CultureInfo.InvariantCulture, $"| {name} | {sorted.Length:N0} | {sorted.Length / Seconds:N1} | {P(0.5):N0} | {P(0.95):N0} | {P(0.99):N0} |");
        }
    }

    private string Mark(string kind) => $"[{kind}{Interlocked.Increment(ref _marks):D6}]";

    private async Task TranslateAsync(Person translator, string url, int index, CancellationToken stop)
    {
        using var client = Site.Client(url, translator, TimeSpan.FromSeconds(60));
        // Every other translator has the editor open in a browser beside the work done over the API.
        using var browser = index % 2 == 0 ? await SignInAsync(url, translator, stop) : null;
        var random = new Random(index);
        var batches = 0;
        while (!stop.IsCancellationRequested)
        {
            var documentId = documents[(index + batches) % documents.Count];
            var root = $"/api/projects/{projectId}/documents/{documentId}";
            var claim = await CallAsync("claim next batch", () => client.PostAsJsonAsync($"{root}/claims", new { language, words = 20 }, stop), stop);
            if (claim is null)
            {
                batches++;
                await Pause(TimeSpan.FromSeconds(1), stop);
                continue;
            }
            var segments = claim.Value.GetProperty("segmentIds").EnumerateArray().Select(s => s.GetGuid()).ToList();
            foreach (var segment in segments)
            {
                _claimed.Add((segment, translator.Id));
            }
            await LoadSourcesAsync(client, root, segments, stop);
            var editor = $"/projects/{projectId}/documents/{documentId}/{language}/";
            if (browser is not null && await ViewAsync(EditorPage, browser, editor, stop) is { } opened
                && NextPage().Match(opened) is { Success: true } next)
            {
                await ViewAsync(EditorPageTurned, browser, WebUtility.HtmlDecode(next.Groups[1].Value), stop);
            }
            if (++batches % 5 == 0)
            {
                await OfflineAsync(client, root, translator, stop);
                continue;
            }
            foreach (var segment in segments)
            {
                if (browser is not null && !stop.IsCancellationRequested)
                {
                    await ViewAsync(EditorPage, browser, $"{editor}?segment={segment}", stop);
                }
                var translation = $"{root}/segments/{segment}/translations/{language}";
                for (var save = 0; save < random.Next(1, 3) && !stop.IsCancellationRequested; save++)
                {
                    var draft = Mark("d");
                    if (await CallAsync("save draft", () => client.PutAsJsonAsync($"{translation}/draft", Body(segment, draft), stop), stop) is not null)
                    {
                        _acknowledged.Add(new Acknowledged("draft", segment, translator.Id, draft, DateTimeOffset.UtcNow));
                    }
                    await Pause(ThinkTime, stop);
                }
                if (stop.IsCancellationRequested)
                {
                    break;
                }
                var text = Mark("s");
                if (await CallAsync("submit", () => client.PutAsJsonAsync(translation, Body(segment, text), stop), stop) is not null)
                {
                    _acknowledged.Add(new Acknowledged("submit", segment, translator.Id, text, DateTimeOffset.UtcNow));
                }
            }
        }
    }

    // The editor's page: the document's segments around the batch, which also gives each segment's source runs.
    private async Task LoadSourcesAsync(HttpClient client, string root, List<Guid> segments, CancellationToken stop)
    {
        var page = 1;
        while (!stop.IsCancellationRequested && segments.Any(s => !_sources.ContainsKey(s)))
        {
            var listed = await CallAsync("segment page", () => client.GetAsync($"{root}/segments?page={page}&pageSize=100", stop), stop);
            if (listed is null)
            {
                return;
            }
            var items = listed.Value.GetProperty("items").EnumerateArray().ToList();
            foreach (var item in items)
            {
                _sources[item.GetProperty("id").GetGuid()] = item.GetProperty("source").GetProperty("runs").Clone();
            }
            if (items.Count < 100)
            {
                return;
            }
            page++;
        }
    }

    // A translation with the source's inline codes in order, behind its unique mark.
    private object Body(Guid segment, string mark) => new
    {
        runs = new object[] { new { text = $"{mark} " } }.Concat(_sources.TryGetValue(segment, out var runs)
            ? runs.EnumerateArray().Select(r => r.GetProperty("code").ValueKind == JsonValueKind.Object
                ? (object)new { code = r.GetProperty("code").GetProperty("id").GetInt32(), kind = r.GetProperty("code").GetProperty("kind").GetString() }
                : new { text = "fr " + r.GetProperty("text").GetString() })
            : []).ToArray(),
        acknowledge = Site.AcknowledgedWarnings,
    };

    private async Task OfflineAsync(HttpClient client, string root, Person translator, CancellationToken stop)
    {
        var exported = await CallTextAsync("download XLIFF", () => client.GetAsync($"{root}/xliff?language={language}&units=claimedByMe", stop), stop);
        if (exported is null)
        {
            return;
        }
        // Each unit's target behind the batch's mark and its own number: "[x000123.7] ".
        var batch = Mark("x")[..^1] + ".";
        var body = Papers.TranslateXliff(exported, out _, unit => $"{batch}{unit}] ");
        var report = await CallAsync("upload XLIFF", () => client.PostAsync($"{root}/xliff?acknowledgeWarnings=true", Site.File("offline.xlf", body), stop), stop);
        if (report is null)
        {
            return;
        }
        foreach (var applied in report.Value.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("outcome").GetString() == "Applied"))
        {
            _acknowledged.Add(new Acknowledged("xliff", applied.GetProperty("segmentId").GetGuid(), translator.Id, batch, DateTimeOffset.UtcNow));
        }
    }

    private async Task ReviewAsync(Person reviewer, string url, CancellationToken stop)
    {
        using var client = Site.Client(url, reviewer, TimeSpan.FromSeconds(60));
        var random = new Random(reviewer.Id.GetHashCode());
        var round = 0;
        while (!stop.IsCancellationRequested)
        {
            var documentId = documents[round++ % documents.Count];
            var root = $"/api/projects/{projectId}/documents/{documentId}";
            if (round % 4 == 0)
            {
                await CallAsync("review queue", () => client.GetAsync($"/api/projects/{projectId}/reviews?language={language}", stop), stop);
            }
            var batch = await CallAsync("claim review batch", () => client.PostAsJsonAsync($"{root}/reviews", new { language, words = 40 }, stop), stop);
            if (batch is null)
            {
                await Pause(TimeSpan.FromSeconds(1), stop);
                continue;
            }
            foreach (var segment in batch.Value.GetProperty("segmentIds").EnumerateArray().Select(s => s.GetGuid()))
            {
                await Pause(ThinkTime, stop);
                var review = $"{root}/segments/{segment}/translations/{language}/review";
                if (random.Next(10) == 0)
                {
                    var comment = Mark("r") + " Please check the terms.";
                    if (await CallAsync("reject", () => client.PostAsJsonAsync(review, new { decision = "reject", comment }, stop), stop) is not null)
                    {
                        _acknowledged.Add(new Acknowledged("reject", segment, reviewer.Id, comment, DateTimeOffset.UtcNow));
                    }
                }
                else if (await CallAsync("approve", () => client.PostAsJsonAsync(review, new { decision = "approve" }, stop), stop) is not null)
                {
                    _acknowledged.Add(new Acknowledged("approve", segment, reviewer.Id, "", DateTimeOffset.UtcNow));
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial System.Text.RegularExpressions.Regex NextPage();

    /// <summary>Signed in through the web app's form as a browser is: the form's antiforgery token posted back, the session kept as a cookie.</summary>
    private async Task<HttpClient?> SignInAsync(string url, Person person, CancellationToken stop)
    {
        var browser = Site.Browser(url, TimeSpan.FromSeconds(60));
        var form = await ViewAsync("sign-in form", browser, "/sign-in", stop, timed: false);
        if (form is null || await CallTextAsync(SignIn, () => browser.PostAsync("/sign-in", Site.SignInForm(form, person), stop), stop, HttpStatusCode.SeeOther, "text/html") is null)
        {
            browser.Dispose();
            return null;
        }
        return browser;
    }

    /// <summary>The coordinator's open dashboard: the page, then its live figures every few seconds, reloaded now and then.</summary>
    private async Task WatchDashboardAsync(Person coordinator, string url, CancellationToken stop)
    {
        using var browser = await SignInAsync(url, coordinator, stop);
        if (browser is null)
        {
            return;
        }
        var dashboard = $"/projects/{projectId}";
        for (var view = 0; !stop.IsCancellationRequested; view++)
        {
            if (view % 5 == 0)
            {
                await ViewAsync(DashboardPage, browser, dashboard, stop);
            }
            else
            {
                await ViewAsync(LiveFigures, browser, dashboard, stop, fragment: true);
            }
            await Pause(DashboardRefresh, stop);
        }
    }

    /// <summary>A page view (or the live figures a page's script fetches): 200, else a failure; a 503 must be the web app's page.</summary>
    private Task<string?> ViewAsync(string name, HttpClient browser, string path, CancellationToken stop, bool fragment = false, bool timed = true) =>
        CallTextAsync(name, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (fragment)
            {
                request.Headers.Add("Wgig-Partial", "live");
            }
            return browser.SendAsync(request, stop);
        }, stop, HttpStatusCode.OK, fragment ? "text/plain" : "text/html", timed);

    private async Task<JsonElement?> CallAsync(string name, Func<Task<HttpResponseMessage>> call, CancellationToken stop)
    {
        var text = await CallTextAsync(name, call, stop);
        return text is null ? null : JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone();
    }

    // One operation as a client makes it: timed, a 503 waited out for its Retry-After and tried again, a 4xx taken as the answer.
    // A page (expected: its one right status) takes nothing else as an answer, and its 503 must come as a page (unavailable: the type).
    private async Task<string?> CallTextAsync(string name, Func<Task<HttpResponseMessage>> call, CancellationToken stop,
        HttpStatusCode? expected = null, string? unavailable = null, bool timed = true)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await call();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _statuses.AddOrUpdate("network", 1, (_, n) => n + 1);
                _failures.Add((DateTimeOffset.UtcNow, name, 0, false));
                await Pause(TimeSpan.FromSeconds(1), stop);
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                _statuses.AddOrUpdate($"{status / 100}xx", 1, (_, n) => n + 1);
                if (expected is { } right ? response.StatusCode == right : response.IsSuccessStatusCode)
                {
                    _answered.AddOrUpdate(name, 1, (_, n) => n + 1);
                    if (_measuring && timed)
                    {
                        _latencies.GetOrAdd(name, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    return await response.Content.ReadAsStringAsync(stop);
                }
                if (status < 500 && expected is null)
                {
                    return null; // nothing left to claim, a lease taken over: the load moves on
                }
                var retryAfter = response.Headers.RetryAfter?.Delta;
                _failures.Add((DateTimeOffset.UtcNow, name, status,
                    status == 503 && retryAfter is not null && (unavailable is null || response.Content.Headers.ContentType?.MediaType == unavailable)));
                if (status != 503)
                {
                    if (expected is not null && status < 500)
                    {
                        return null; // a page that did not answer (a redirect to the sign-in form, a refusal): recorded, and the browser moves on
                    }
                }
                await Pause(retryAfter ?? TimeSpan.FromSeconds(1), stop);
            }
        }
        return null;
    }

    private static async Task Pause(TimeSpan time, CancellationToken stop)
    {
        try
        {
            await Task.Delay(time, stop);
        }
        catch (OperationCanceledException)
        {
            // the run's time is up
        }
    }

    /// <summary>
    /// Every acknowledged write is in the store exactly once with its history, no segment went to two volunteers,
    /// and nothing a volunteer saved was lost.
    /// </summary>
    public async Task CheckAsync(ScenarioReport report, string run)
    {
        // The history and the drafts in one statement, so in one snapshot: a request the run's end cut off on the client's side
        // may still commit on the server's (a submission taking the draft away) between two separate reads.
        var rows = await site.QueryAsync<string>($"""
            SELECT 'e|' || s.id || '|' || e.kind || '|' || coalesce(e.actor_id::text, '') || '|' || coalesce(e.comment, '') || '|' || coalesce(e.text, '')
            FROM translate.target_events e JOIN translate.targets t ON t.id = e.target_id JOIN translate.segments s ON s.id = t.segment_id
            JOIN translate.documents d ON d.id = s.document_id WHERE d.project_id = '{projectId}' AND t.language = '{language}'
            UNION ALL
            SELECT 'd|' || s.id || '|' || coalesce(t.draft, '') FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
            JOIN translate.documents d ON d.id = s.document_id WHERE d.project_id = '{projectId}' AND t.language = '{language}'
            """);
        var events = rows.Where(r => r.StartsWith("e|", StringComparison.Ordinal)).Select(r => r.Split('|', 6))
            .Select(r => (Segment: Guid.Parse(r[1]), Kind: r[2], Actor: r[3], Text: r[5], Comment: r[4])).ToList();
        var drafts = rows.Where(r => r.StartsWith("d|", StringComparison.Ordinal)).Select(r => r.Split('|', 3)).ToDictionary(r => Guid.Parse(r[1]), r => r[2]);
        int Found(Acknowledged write) => write.Kind switch
        {
            "submit" or "xliff" => events.Count(e => e.Segment == write.SegmentId && e.Kind == "Submitted" && e.Actor == write.Actor.ToString()
                && e.Text.StartsWith(write.Kind == "xliff" ? write.Mark : write.Mark + " ", StringComparison.Ordinal)),
            "reject" => events.Count(e => e.Segment == write.SegmentId && e.Kind == "Rejected" && e.Comment == write.Mark),
            "approve" => events.Count(e => e.Segment == write.SegmentId && e.Kind == "Approved" && e.Actor == write.Actor.ToString()),
            _ => 1,
        };
        var lost = _acknowledged.Where(w => w.Kind != "draft" && Found(w) != 1).ToList();
        var writes = _acknowledged.Count(w => w.Kind != "draft");
        report.Check(lost.Count == 0, $"every write answered 2xx is stored exactly once, with its history ({run})",
            $"{lost.Count} of {writes}: {string.Join("; ", lost.Take(5).Select(w => $"{w.Kind} {w.Mark} on {w.SegmentId} found {Found(w)}×"))}");
        // A draft's text is the segment's draft still (or a newer draft of its author's, saved as the run stopped and not
        // acknowledged), or was set aside as a suggestion, or gave way to its author's submission. Marks grow with time.
        var lastDrafts = _acknowledged.Where(w => w.Kind == "draft").GroupBy(w => w.SegmentId).Select(g => g.MaxBy(w => w.Mark, StringComparer.Ordinal)!).ToList();
        var missing = lastDrafts.Where(d => !(drafts.GetValueOrDefault(d.SegmentId, "") is var now && now.StartsWith("[d", StringComparison.Ordinal)
                && string.CompareOrdinal(now[..d.Mark.Length], d.Mark) >= 0
            || events.Any(e => e.Segment == d.SegmentId && (e.Kind == "DraftSetAside" && e.Text.StartsWith(d.Mark, StringComparison.Ordinal)
                || e.Kind == "Submitted" && e.Actor == d.Actor.ToString())))).ToList();
        report.Check(missing.Count == 0, $"no acknowledged draft is lost: it (or a newer one) is the draft still, a suggestion, or its author submitted after it ({run})",
            $"{missing.Count} of {lastDrafts.Count}: " + string.Join("; ", missing.Take(3).Select(d => $"{d.Mark} on {d.SegmentId} at {d.At:O}: draft now '{drafts.GetValueOrDefault(d.SegmentId)}', " +
                $"history {string.Join(" ", events.Where(e => e.Segment == d.SegmentId).Select(e => $"{e.Kind}:{e.Text[..Math.Min(12, e.Text.Length)]}"))}")));
        var shared = _claimed.GroupBy(c => c.Segment).Where(g => g.Select(c => c.Volunteer).Distinct().Count() > 1).ToList();
        report.Check(shared.Count == 0, $"no segment was handed to two volunteers ({run})", string.Join(", ", shared.Take(5).Select(g => g.Key)));
        await site.CheckWorkflowInvariantsAsync(report);
        report.Check(_failures.All(f => f.Status is 0 || f.AsExpected),
            $"the only failed answers are 503s with Retry-After, from the pages a 503 page ({run})", string.Join("; ", _failures.Where(f => f.Status != 0 && !f.AsExpected).Take(5)));
        report.Check(PageViews.All(p => _answered.GetValueOrDefault(p) > 0),
            $"the translators in the browser and the coordinator signed in and viewed the editor (turning its pages) and the dashboard with its live figures ({run})",
            string.Join(", ", PageViews.Select(p => $"{p}: {_answered.GetValueOrDefault(p)}")));
    }
}
