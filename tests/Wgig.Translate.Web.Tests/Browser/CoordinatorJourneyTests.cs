using Microsoft.Playwright;
using Wgig.Translate.Domain.Accounts;

namespace Wgig.Translate.Web.Tests.Browser;

/// <summary>
/// A coordinator's day in Chromium: the projects, the dashboard (heat table, workload chart, deadlines), the people
/// directory (search, rights from the row, pause and resume) and the balancing page (the proposal applied), with axe
/// and screenshots of each page in English and Arabic on a desktop and a phone.
/// </summary>
[Collection(InChromium.Name)]
public sealed class CoordinatorJourneyTests(WebApp app)
{
    [Fact]
    public async Task A_coordinator_grants_rights_pauses_a_volunteer_sets_a_deadline_and_hands_out_the_proposal()
    {
        var (project, document) = await app.ProjectAsync(["fr", "ar"]);
        var coordinatorEmail = $"cora.{Guid.NewGuid():N}@example.org";
        var cora = await app.AccountAsync(coordinatorEmail, "Cora Diallo", "a coordinator pass phrase", Roles.Coordinator);
        (await app.Api().PutAsync($"/api/projects/{project}/staff/{cora}", null)).EnsureSuccessStatusCode();
        var anaEmail = $"ana.{Guid.NewGuid():N}@example.org";
        var ana = await app.AccountAsync(anaEmail, "Ana Lima", "a long pass phrase");
        var bo = await app.AccountAsync($"bo.{Guid.NewGuid():N}@example.org", "Bo Chen", "another pass phrase");
        await app.GrantAsync(project, ana, "ar", translate: true, review: false);
        await app.GrantAsync(project, bo, "ar", translate: false, review: true);

        await using var browsing = await Browsing.OpenAsync(app);
        await browsing.SignInAsync(coordinatorEmail, "a coordinator pass phrase", "/projects");
        var page = browsing.Page;
        await page.Locator($".card a[href='/projects/{project}']").First.ClickAsync();
        await page.ArriveAtAsync($"/projects/{project}$");
        await Assertions.Expect(page.Locator("#heat-caption")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chart__svg--wide")).ToBeVisibleAsync();

        // Three people from a pasted list: two new addresses are invited with the right to review Arabic, Ana (who has an
        // account) gets the right at once instead.
        await page.GotoAsync($"/projects/{project}/people");
        await page.GetByRole(AriaRole.Link, new() { Name = "Invite people" }).ClickAsync();
        var (lena, omar) = ($"lena.{Guid.NewGuid():N}@example.org", $"omar.{Guid.NewGuid():N}@example.org");
        await page.Locator("#emails").FillAsync($"Lena Roux <{lena}>\n{omar}, {anaEmail}");
        await page.GetByLabel("May review Arabic").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitations" }).ClickAsync();
        await Assertions.Expect(page.Locator(".invite-results")).ToContainTextAsync($"{lena}: invitation sent");
        await Assertions.Expect(page.Locator(".invite-results")).ToContainTextAsync($"{omar}: invitation sent");
        await Assertions.Expect(page.Locator(".invite-results")).ToContainTextAsync($"Ana Lima ({anaEmail}) already has an account: the rights are given");
        await Assertions.Expect(page.Locator("#pending tbody tr")).ToHaveCountAsync(2);
        await page.Locator("#pending tbody tr", new() { HasText = omar }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The invitation is revoked");
        await Assertions.Expect(page.Locator("#pending tbody tr")).ToHaveCountAsync(1);

        // People: find Ana, give her French from her row.
        await page.GotoAsync($"/projects/{project}/people");
        await page.Locator("#q").FillAsync("ana lima");
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        var row = page.Locator($"#person-{ana}");
        await Assertions.Expect(page.Locator("table.people > tbody > tr")).ToHaveCountAsync(1);
        await row.Locator("summary", new() { HasText = "Change rights" }).ClickAsync();
        await row.GetByLabel("Ana Lima may translate into French").CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Save rights" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#person-{ana}")).ToContainTextAsync("Saved");
        await Assertions.Expect(page.Locator($"#person-{ana}")).ToContainTextAsync("French – translate");
        await Assertions.Expect(page.Locator($"#person-{ana}")).ToContainTextAsync("Arabic – translate and review");

        // Pause Bo with a reason, then resume him.
        await page.GotoAsync($"/projects/{project}/people?q=bo%20chen");
        var boRow = page.Locator($"#person-{bo}");
        await boRow.Locator("summary", new() { HasText = "Pause" }).ClickAsync();
        await boRow.GetByLabel("Reason").FillAsync("Away until January");
        await boRow.GetByRole(AriaRole.Button, new() { Name = "Pause this volunteer" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#person-{bo}")).ToContainTextAsync("Away until January");
        await page.Locator($"#person-{bo}").GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#person-{bo}")).ToContainTextAsync("Active");

        // A deadline for French, set in place on the dashboard.
        await page.GotoAsync($"/projects/{project}");
        await page.Locator($"#due-{document}-ar").FillAsync("2001-01-01T09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the deadlines" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter a date and time in the future.");
        await Assertions.Expect(page.Locator($"#due-{document}-ar")).ToHaveValueAsync("2001-01-01T09:00");
        var due = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-ddT17:00", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator($"#due-{document}-ar").FillAsync("");
        await page.Locator($"#due-{document}-fr").FillAsync(due);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the deadlines" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The deadline is saved.");
        await Assertions.Expect(page.Locator($"#heat-{document}-fr")).ToContainTextAsync("due");

        // Its burn-down: the words left against the straight line to the deadline, also as a table.
        await page.GetByRole(AriaRole.Link, new() { Name = "Burn-down" }).And(page.Locator($"[href$='/{document}/fr/burn-down']")).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Burn-down:");
        await Assertions.Expect(page.Locator("#main .chart__svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chart__svg .chart__actual")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".chart__svg .chart__ideal")).ToBeAttachedAsync();
        // The dates under the drawing (left to right in every language) are words of the page: isolated in its direction.
        async Task<IReadOnlyList<string>> ChartDatesAsync() => await page.Locator(".chart__svg text.chart__label")
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"\d:\d\d") }).AllTextContentsAsync();
        var dates = await ChartDatesAsync();
        Assert.Equal(2, dates.Count); // the start, and the deadline
        Assert.All(dates, label => Assert.Matches("^\u2066.*\u2069$", label));
        await browsing.UseLanguageAsync("ar");
        await page.ReloadAsync();
        var arabic = await ChartDatesAsync();
        Assert.Equal(2, arabic.Count);
        Assert.All(arabic, label => Assert.Matches("^\u2067.*\u2069$", label));
        await browsing.UseLanguageAsync("en");
        await page.ReloadAsync();
        await page.Locator("summary", new() { HasText = "Show the figures as a table" }).ClickAsync();
        await Assertions.Expect(page.Locator(".burn-table tbody tr").First).ToBeVisibleAsync();

        // The balancing proposal for French: Ana is proposed for the first batch; the whole proposal is applied.
        await page.GotoAsync($"/projects/{project}/documents/{document}/fr/balance");
        await Assertions.Expect(page.Locator("table > tbody > tr").First).ToContainTextAsync("Proposed: Ana Lima");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply the whole proposal" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Batches assigned:");

        // Her claim now shows in the workload table and on the people page.
        await page.GotoAsync($"/projects/{project}");
        await page.Locator("summary", new() { HasText = "Show the figures as a table" }).ClickAsync();
        var workload = page.Locator(".chart table tbody tr", new() { HasText = "Ana Lima" });
        await Assertions.Expect(workload).ToBeVisibleAsync();
        Assert.NotEqual("0", (await workload.Locator("td").First.InnerTextAsync()).Trim());

        // Ana is away: her claim is taken back by hand (the feed says who did it), then handed to her again with a batch deadline.
        await page.GotoAsync($"/projects/{project}/documents/{document}/fr/balance");
        var held = page.Locator("#in-progress tbody tr", new() { HasText = "Ana Lima" });
        await Assertions.Expect(held.First).ToBeVisibleAsync();
        var batches = await held.CountAsync();
        for (var left = batches - 1; left >= 0; left--)
        {
            await held.First.GetByLabel("Reason told to Ana Lima (optional)").FillAsync("Away this week");
            await held.First.GetByRole(AriaRole.Button, new() { Name = "Take back" }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Taken back:");
            await Assertions.Expect(held).ToHaveCountAsync(left);
        }
        await Assertions.Expect(page.Locator("#in-progress")).ToContainTextAsync("Nobody holds work here now.");
        await page.Locator("#dueAt").FillAsync(DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddT17:00", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign the ticked batches" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Batches assigned:");
        await Assertions.Expect(held.First).ToContainTextAsync("batch deadline");
        await page.GotoAsync($"/projects/{project}#activity");
        await Assertions.Expect(page.Locator("#activity")).ToContainTextAsync("Cora Diallo – took back claimed work");
        browsing.AssertNoProblems();

        foreach (var (url, name) in new[]
        {
            ("/projects", "coordinator-projects"), ($"/projects/{project}", "coordinator-dashboard"), ($"/projects/{project}/people", "coordinator-people"),
            ("/people", "coordinator-people-instance"), ($"/projects/{project}/invitations", "coordinator-invitations"), ($"/projects/{project}/documents/{document}/ar/balance", "coordinator-balance"),
            ($"/projects/{project}/documents/{document}/fr/balance", "coordinator-claims"), ($"/projects/{project}/documents/{document}/fr/burn-down", "coordinator-burn-down"),
            ($"/projects/{project}/documents/{document}/paper", "paper"), ($"/projects/{project}/papers", "coordinator-gate"),
        })
        {
            await browsing.VisitInBothLanguagesAsync(url, name);
        }
    }

    [Fact]
    public async Task A_volunteer_is_turned_away_from_the_coordinators_pages()
    {
        var (project, _) = await app.ProjectAsync(["fr"]);
        var email = $"vic.{Guid.NewGuid():N}@example.org";
        await app.AccountAsync(email, "Vic Volunteer", "a volunteer pass phrase");
        await using var vic = await Browsing.OpenAsync(app);
        await vic.SignInAsync(email, "a volunteer pass phrase");

        var response = await vic.Page.GotoAsync($"/projects/{project}/people");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(vic.Page.Locator("h1")).ToContainTextAsync("You cannot open this page");
        await Assertions.Expect(vic.Page.Locator("header nav")).Not.ToContainTextAsync("People");
    }
}
