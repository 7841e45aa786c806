using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Web.Tests.Browser;

/// <summary>
/// The coordinator's dashboard: its heat table and workload follow a volunteer's submission in another browser without a
/// reload (the page's own refresh, driven here by the page's clock); a batch ending within the day is taken back from its
/// row (the balancing page's ClaimTakeBack), and the balancing page says in the interface's language why nobody could take work.
/// </summary>
[Collection(InSecondChromium.Name)]
public sealed class DashboardTests(WebApp app)
{
    [Fact]
    public async Task A_coordinator_takes_back_an_expiring_batch_from_the_dashboard_and_reads_why_nobody_could_take_work_in_arabic()
    {
        var (project, document) = await app.ProjectAsync(["fr", "ar"]);
        var email = await app.CoordinatorAsync(project);
        var ana = await app.AccountAsync($"ana.{Guid.NewGuid():N}@example.org", "Ana Lima", "a long pass phrase");
        await app.GrantAsync(project, ana, "fr", translate: true, review: false);
        var segments = (await app.Api().GetFromJsonAsync<JsonElement>($"/api/projects/{project}/documents/{document}/segments?pageSize=3"))
            .GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToArray();
        (await app.Api().PostAsJsonAsync($"/api/projects/{project}/documents/{document}/assignments", new
        {
            language = "fr", assignments = new[] { new { volunteerId = ana.ToString(), kind = "Translate", segmentIds = segments, dueAt = DateTimeOffset.UtcNow.AddHours(6) } },
        })).EnsureSuccessStatusCode();

        await using var browsing = await Browsing.OpenAsync(app);
        await browsing.SignInAsync(email, "a coordinator pass phrase", $"/projects/{project}");
        var page = browsing.Page;
        var lease = page.Locator("tr", new() { HasText = "Ana Lima" }).Filter(new() { Has = page.Locator("form.take-back") });
        await browsing.AssertAccessibleAsync("dashboard with a lease to take back");
        await browsing.ShotAsync("coordinator-dashboard.leases.en.desktop");
        await lease.Locator("input[name=reason]").FillAsync("The deadline moved");
        await lease.GetByRole(AriaRole.Button, new() { Name = "Take back" }).ClickAsync();

        await page.ArriveAtAsync($"/projects/{project}/documents/{document}/fr/balance");
        await Assertions.Expect(page.Locator(".notice--success")).ToContainTextAsync("Taken back: 3 segments");
        await page.GotoAsync($"/projects/{project}");
        await Assertions.Expect(page.Locator("form.take-back")).ToHaveCountAsync(0);

        // Nobody holds a right in Arabic: the proposal says so in Arabic, naming the language, not its code.
        await browsing.UseLanguageAsync("ar");
        await page.GotoAsync($"/projects/{project}/documents/{document}/ar/balance");
        await Assertions.Expect(page.Locator("table").Last).ToContainTextAsync("لا أحد يحق له الترجمة إلى العربية");
        await Assertions.Expect(page.Locator("table").Last).Not.ToContainTextAsync("'ar'");
        await browsing.ShotAsync("coordinator-balance.nobody.ar.desktop");
        browsing.AssertNoProblems();
    }

    [Fact]
    public async Task The_heat_table_and_workload_move_on_an_open_dashboard_as_a_volunteer_submits_in_another_browser()
    {
        var (project, document) = await app.ProjectAsync(["fr"]);
        var email = await app.CoordinatorAsync(project);
        var volunteerEmail = $"ana.{Guid.NewGuid():N}@example.org";
        var ana = await app.AccountAsync(volunteerEmail, "Ana Lima", "a long pass phrase");
        await app.GrantAsync(project, ana, "fr", translate: true, review: false);

        await using var coordinator = await Browsing.OpenAsync(app);
        await coordinator.SignInAsync(email, "a coordinator pass phrase", "/projects");
        var dashboard = coordinator.Page;
        // The page's timers run on a clock the test moves: the refresh is waited for as an event, never as wall-clock time.
        await dashboard.Clock.InstallAsync();
        await dashboard.GotoAsync($"/projects/{project}");
        var cell = dashboard.Locator($"#heat-{document}-fr");
        var workload = dashboard.Locator("#live-figures .chart");
        var cellBefore = await cell.TextContentAsync();
        var workloadBefore = await workload.TextContentAsync();

        await using var volunteer = await Browsing.OpenAsync(app);
        await volunteer.SignInAsync(volunteerEmail, "a long pass phrase");
        var editor = await volunteer.ClaimAsync(project, document, "fr");
        await editor.Keyboard.TypeAsync("Rapport préliminaire du Groupe de travail sur la gouvernance de l’Internet");
        await editor.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(editor.Locator(".segment--translated")).ToHaveCountAsync(1);

        // The page's refresh comes round (moved on by the test) and both figures move, without a reload.
        await dashboard.Clock.RunForAsync(LiveFiguresSeconds * 1000 + 500);
        await Assertions.Expect(cell).Not.ToHaveTextAsync(cellBefore!);
        await Assertions.Expect(workload).Not.ToHaveTextAsync(workloadBefore!);
        Assert.Equal($"/projects/{project}", new Uri(dashboard.Url).AbsolutePath);
        coordinator.AssertNoProblems();
        volunteer.AssertNoProblems();
    }

    [Fact]
    public async Task A_coordinator_imports_the_sample_word_report_from_the_dashboard_and_it_is_listed_with_its_words_to_translate()
    {
        var (project, _) = await app.ProjectAsync(["fr", "ar"]);
        var email = await app.CoordinatorAsync(project);

        await using var browsing = await Browsing.OpenAsync(app);
        await browsing.SignInAsync(email, "a coordinator pass phrase", $"/projects/{project}");
        var page = browsing.Page;
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "wgig-preliminary-report-2005.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = Samples.Docx,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice--success")).ToContainTextAsync("The document is imported");
        var row = page.Locator("tr", new() { Has = page.Locator("a.heat__path", new() { HasText = "wgig-preliminary-report-2005.docx" }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("li.activity__entry", new() { HasText = "wgig-preliminary-report-2005.docx" })).ToContainTextAsync("Cora Diallo");
        // The report's words wait in both languages at once: progress is kept with the import, not counted later.
        var documents = await app.Api().GetFromJsonAsync<JsonElement>($"/api/projects/{project}/documents");
        var imported = documents.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("path").GetString() == "wgig-preliminary-report-2005.docx");
        var segments = await app.Api().GetFromJsonAsync<JsonElement>($"/api/projects/{project}/documents/{imported.GetProperty("id").GetGuid()}/segments?pageSize=1");
        Assert.True(segments.GetProperty("totalCount").GetInt32() > 100, segments.ToString());
        await browsing.ShotAsync("coordinator-dashboard.imported-docx.en.desktop");
        browsing.AssertNoProblems();
    }

    private const int LiveFiguresSeconds = Api.Web.Dashboard.LiveFigures.RefreshSeconds;
}
