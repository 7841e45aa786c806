using System.Net.Http.Json;
using System.Text.Json;
using LibGit2Sharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wgig.Translate.Api.Tests;
using Wgig.Translate.Worker.Publishing;

namespace Wgig.Translate.Web.Tests.Browser;

/// <summary>
/// A coordinator's project settings in Chromium: a language added and one removed after confirming (one with work is kept),
/// a bad language tag and a bad lead time refused with what was typed kept, the ladder saved, the project connected to a
/// local Git repository and tested by the Worker's own job (reached, then refused for a branch that does not exist, the
/// page's script picking up each answer), and the webhook's secret generated for a GitHub connection and shown once.
/// </summary>
[Collection(InSecondChromium.Name)]
public sealed class SettingsJourneyTests(WebApp app)
{
    [Fact]
    public async Task A_coordinator_changes_languages_ladder_and_connection_and_tests_the_connection()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"settings-papers-{Guid.NewGuid():N}.git");
        Repository.Init(directory, isBare: true);
        string tip;
        using (var repository = new Repository(directory))
        {
            var signature = new Signature("Someone", "someone@example.org", DateTimeOffset.UtcNow);
            tip = repository.Refs.Add("refs/heads/main", repository.ObjectDatabase.CreateCommit(signature, signature, "Sources",
                repository.ObjectDatabase.CreateTree(new TreeDefinition()), [], false).Id).TargetIdentifier;
        }
        var (project, document) = await app.ProjectAsync(["fr", "ar"]);
        var email = await app.CoordinatorAsync(project);
        // French has work in it: a volunteer's claim.
        var volunteerEmail = $"vera.{Guid.NewGuid():N}@example.org";
        var volunteer = await app.AccountAsync(volunteerEmail, "Vera Ivanova", "a volunteer pass phrase");
        await app.GrantAsync(project, volunteer, "fr", translate: true, review: false);
        await using (var vera = await Browsing.OpenAsync(app))
        {
            await vera.SignInAsync(volunteerEmail, "a volunteer pass phrase");
            await vera.ClaimAsync(project, document, "fr");
        }

        await using var browsing = await Browsing.OpenAsync(app);
        await browsing.SignInAsync(email, "a coordinator pass phrase", $"/projects/{project}");
        var page = browsing.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await page.ArriveAtAsync($"/projects/{project}/settings$");
        await Assertions.Expect(page.Locator("#language-fr")).ToContainTextAsync("Has work: kept");

        // A tag that is no language is refused, and stays in the field to correct.
        await page.Locator("#new-language").FillAsync("klingon!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add language" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("“klingon!” is not a language tag");
        await Assertions.Expect(page.Locator("#new-language")).ToHaveValueAsync("klingon!");
        await page.Locator("#new-language").FillAsync("es");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add language" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice--success")).ToContainTextAsync("The language is added");
        await Assertions.Expect(page.Locator("#language-es")).ToContainTextAsync("Spanish");

        // Removing asks first, then removes.
        await page.Locator("#language-es").GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-remove")).ToContainTextAsync("Remove Spanish?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove Spanish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice--success")).ToContainTextAsync("The language is removed");
        await Assertions.Expect(page.Locator("#language-es")).ToHaveCountAsync(0);
        Assert.Equal(["fr", "ar"], (await app.Api().GetFromJsonAsync<JsonElement>($"/api/projects/{project}")).GetProperty("targetLanguages")
            .EnumerateArray().Select(l => l.GetString()));

        // The ladder: a lead time that is no number is refused and kept; a good one saved.
        await page.Locator("#ladder-claim").FillAsync("a day");
        await page.Locator("#ladder-reassign").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the ladder" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Write a number of hours");
        await Assertions.Expect(page.Locator("#ladder-claim")).ToHaveValueAsync("a day");
        await Assertions.Expect(page.Locator("#ladder-reassign")).Not.ToBeCheckedAsync();
        await page.Locator("#ladder-claim").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the ladder" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice--success")).ToContainTextAsync("The escalation ladder is saved");
        var ladder = (await app.Api().GetFromJsonAsync<JsonElement>($"/api/projects/{project}")).GetProperty("ladder");
        Assert.Equal(("12:00:00", false), (ladder.GetProperty("remindBeforeClaimEnds").GetString(), ladder.GetProperty("reassignLapsedWork").GetBoolean()));

        // The connection: a template without {path} is refused with everything typed kept; then a good one is saved.
        await page.Locator("#repo-host-LocalGit").CheckAsync();
        await page.Locator("#repo-name").FillAsync(Path.GetFileName(directory));
        await page.Locator("#repo-targetTemplate").FillAsync("papers/{lang}");
        await page.Locator("#repo-writeMode-Direct").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the connection" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("naming both {lang} and {path}");
        await Assertions.Expect(page.Locator("#repo-name")).ToHaveValueAsync(Path.GetFileName(directory));
        await Assertions.Expect(page.Locator("#repo-targetTemplate")).ToHaveValueAsync("papers/{lang}");
        await Assertions.Expect(page.Locator("#repo-host-LocalGit")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#repo-writeMode-Direct")).ToBeCheckedAsync();
        await page.Locator("#repo-targetTemplate").FillAsync("papers/{lang}/{path}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the connection" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice--success")).ToContainTextAsync("The repository connection is saved");

        // Test connection: pending until the Worker's job answers; the page's script shows the answer without a reload.
        await using var worker = app.WorkerServices();
        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Assertions.Expect(page.Locator("#check-status")).ToContainTextAsync("Testing");
        await RunCheckAsync(worker, project);
        await Assertions.Expect(page.Locator("#check-status")).ToContainTextAsync("Connected");
        await Assertions.Expect(page.Locator("#check-status")).ToContainTextAsync(tip[..12]);
        await Assertions.Expect(page.Locator("#webhook")).ToContainTextAsync("the Worker reads it every hour");
        await browsing.VisitInBothLanguagesAsync($"/projects/{project}/settings", "settings");
        await page.GotoAsync($"/projects/{project}/settings");

        await page.Locator("#repo-branch").FillAsync("no-such-branch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the connection" }).ClickAsync();
        await Assertions.Expect(page.Locator("#check-status")).ToContainTextAsync("Not tested since the connection was last saved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await RunCheckAsync(worker, project);
        await Assertions.Expect(page.Locator("#check-status")).ToContainTextAsync("Refused");
        await Assertions.Expect(page.Locator("#check-status")).ToContainTextAsync("'no-such-branch' does not exist");
        await browsing.ShotAsync("settings.refused.en.desktop");

        // On GitHub the webhook's set-up: its address, and a secret generated here and shown this once.
        (await app.Api().PutAsJsonAsync($"/api/projects/{project}/repository", new
        {
            host = "GitHub", owner = "wgig", name = "papers", branch = "main", sourcePattern = "papers/en/**/*.md", targetTemplate = "papers/{lang}/{path}",
            token = "ghp_a-token-never-shown",
        })).EnsureSuccessStatusCode();
        await page.GotoAsync($"/projects/{project}/settings");
        await Assertions.Expect(page.Locator("#webhook")).ToContainTextAsync($"/webhooks/github/{project}");
        await Assertions.Expect(page.Locator("#webhook")).ToContainTextAsync("No secret yet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate a new secret" }).ClickAsync();
        var secret = await page.Locator("#new-webhook-secret").TextContentAsync();
        Assert.Matches("^[0-9a-f]{64}$", secret);
        Assert.True((await app.Api().GetFromJsonAsync<JsonElement>($"/api/projects/{project}/repository")).GetProperty("hasToken").GetBoolean());
        Assert.DoesNotContain("ghp_a-token-never-shown", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync($"/projects/{project}/settings");
        await Assertions.Expect(page.Locator("#webhook")).ToContainTextAsync("A secret is stored");
        await Assertions.Expect(page.Locator("#new-webhook-secret")).ToHaveCountAsync(0);
        await browsing.AssertAccessibleAsync("settings on GitHub");
        await browsing.ShotAsync("settings.github.en.desktop");
        browsing.AssertNoProblems();
    }

    private static async Task RunCheckAsync(ServiceProvider worker, Guid project)
    {
        await using var scope = worker.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<CheckRepositoryConnection>().RunAsync(project, CancellationToken.None));
    }
}
