using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LibGit2Sharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wgig.Translate.Api.Tests;
using Wgig.Translate.Worker.Publishing;
using Roles = Wgig.Translate.Domain.Accounts.Roles;

namespace Wgig.Translate.Web.Tests.Browser;

/// <summary>
/// The secretariat in Chromium: a paper approved in full in French and Arabic, read in the multilingual paper view
/// (aligned by its own paragraph numbers, Arabic right to left), signed off on the publish gate page and published to
/// a local Git repository by the Worker's own publish job; the commit shows in the history.
/// </summary>
[Collection(InChromium.Name)]
public sealed class SecretariatJourneyTests(WebApp app)
{
    private const string Source = "# Report\n\n1. The group met in Geneva. It wrote a report.\n\n2. The report has two parts.\n";

    [Fact]
    public async Task The_secretariat_signs_off_a_fully_approved_paper_publishes_it_and_sees_the_commit()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"secretariat-papers-{Guid.NewGuid():N}");
        Repository.Init(directory, isBare: true);
        using (var repository = new Repository(directory))
        {
            var tree = new TreeDefinition();
            tree.Add("papers/en/report.md", repository.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(Source))), Mode.NonExecutableFile);
            var signature = new Signature("Someone", "someone@example.org", DateTimeOffset.UtcNow);
            repository.Refs.Add("refs/heads/main", repository.ObjectDatabase.CreateCommit(signature, signature, "Sources", repository.ObjectDatabase.CreateTree(tree), [], false).Id);
        }
        await using var worker = app.WorkerServices();
        var admin = app.Api();
        var project = (await (await admin.PostAsJsonAsync("/api/projects", new { name = $"Papers {Guid.NewGuid():N}", sourceLanguage = "en", targetLanguages = new[] { "fr", "ar" } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsync($"/api/projects/{project}/repository", new
        {
            host = "LocalGit", name = Path.GetFileName(directory), branch = "main", sourcePattern = "papers/en/**/*.md", targetTemplate = "papers/{lang}/{path}",
            writeMode = "Direct",
        })).EnsureSuccessStatusCode();
        await InScopeAsync(worker, s => s.GetRequiredService<SyncRepository>().RunAsync(project, CancellationToken.None));
        var document = (await admin.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/documents")).GetProperty("items")[0].GetProperty("id").GetGuid();
        await ApproveAsync(project, document, "fr", ["Le groupe s’est réuni à Genève.", "Il a rédigé un rapport.", "Le rapport a deux parties.", "Rapport"]);
        await ApproveAsync(project, document, "ar", ["اجتمع الفريق في جنيف.", "وكتب تقريرا.", "للتقرير جزءان.", "تقرير"]);
        var email = $"sara.{Guid.NewGuid():N}@example.org";
        var sara = await app.AccountAsync(email, "Sara Haddad", "a secretariat pass phrase", Roles.Secretariat);
        (await admin.PutAsync($"/api/projects/{project}/staff/{sara}", null)).EnsureSuccessStatusCode();

        await using var browsing = await Browsing.OpenAsync(app);
        await browsing.SignInAsync(email, "a secretariat pass phrase", $"/projects/{project}/documents/{document}/paper");
        var page = browsing.Page;
        var arabic = page.Locator("table.paper td[lang=ar]").First;
        await Assertions.Expect(arabic).ToHaveAttributeAsync("dir", "rtl");
        var first = page.Locator("table.paper tbody tr", new() { HasText = "The group met in Geneva." });
        await Assertions.Expect(first.Locator("th")).ToHaveTextAsync("1.");
        await Assertions.Expect(first).ToContainTextAsync("Le groupe s’est réuni à Genève. Il a rédigé un rapport.");
        await browsing.ShotAsync("secretariat-paper.en.desktop");

        await page.GotoAsync($"/projects/{project}/papers");
        await browsing.AssertAccessibleAsync("publish gate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off version 1" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#paper-{document}")).ToContainTextAsync("Signed off by Sara Haddad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The publication is queued");
        await Assertions.Expect(page.Locator("#publication-1")).ToContainTextAsync("Queued");

        var publication = (await admin.GetFromJsonAsync<JsonElement>($"/api/projects/{project}/publications"))[0].GetProperty("id").GetGuid();
        await InScopeAsync(worker, s => s.GetRequiredService<PublishTranslations>().RunAsync(publication, CancellationToken.None));
        await page.ReloadAsync();

        string tip;
        using (var repository = new Repository(directory))
        {
            tip = repository.Branches["main"].Tip.Sha;
            Assert.Contains("Le rapport a deux parties.", ((Blob)repository.Branches["main"].Tip["papers/fr/report.md"].Target).GetContentText(), StringComparison.Ordinal);
        }
        await Assertions.Expect(page.Locator("#publication-1")).ToContainTextAsync("Published");
        await Assertions.Expect(page.Locator("#publication-1")).ToContainTextAsync(tip[..10]);
        await browsing.ShotAsync("secretariat-gate.en.desktop");
        browsing.AssertNoProblems();
    }

    // A volunteer translates every segment, another approves the batch: the JSON API's own workflow.
    private async Task ApproveAsync(Guid project, Guid document, string language, string[] texts)
    {
        var admin = app.Api();
        var volunteer = (await app.Api(TestAccounts.VolunteerToken).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        var reviewer = (await app.Api(TestAccounts.SecondVolunteerToken).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        await app.GrantAsync(project, volunteer, language, translate: true, review: false);
        await app.GrantAsync(project, reviewer, language, translate: false, review: true);
        var url = $"/api/projects/{project}/documents/{document}";
        var translator = app.Api(TestAccounts.VolunteerToken);
        var claim = await (await translator.PostAsJsonAsync($"{url}/claims", new { language, words = 1000 })).Content.ReadFromJsonAsync<JsonElement>();
        var segments = claim.GetProperty("segmentIds").EnumerateArray().Select(s => s.GetGuid()).ToList();
        // In document order: the heading, then the paragraphs' three sentences.
        var ordered = (await admin.GetFromJsonAsync<JsonElement>($"{url}/segments?pageSize=50")).GetProperty("items").EnumerateArray()
            .Select(s => (Id: s.GetProperty("id").GetGuid(), Heading: s.GetProperty("kind").GetString() == "Heading")).ToList();
        Assert.Equal(ordered.Count, segments.Count);
        foreach (var (segment, i) in ordered.Select((s, i) => (s, i)))
        {
            var text = segment.Heading ? texts[3] : texts[i - 1];
            (await translator.PutAsJsonAsync($"{url}/segments/{segment.Id}/translations/{language}", new { runs = new[] { new { text } } })).EnsureSuccessStatusCode();
        }
        var reviewerClient = app.Api(TestAccounts.SecondVolunteerToken);
        var review = await (await reviewerClient.PostAsJsonAsync($"{url}/reviews", new { language })).Content.ReadFromJsonAsync<JsonElement>();
        (await reviewerClient.PostAsync($"{url}/reviews/{review.GetProperty("claimId").GetGuid()}/approve", null)).EnsureSuccessStatusCode();
    }

    private static async Task InScopeAsync<T>(ServiceProvider services, Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = services.CreateAsyncScope();
        await run(scope.ServiceProvider);
    }
}
