using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Web.Tests.Browser;

/// <summary>
/// The volunteers' whole loop in a real browser: an invitation accepted, a batch claimed, three segments
/// translated with the keyboard alone (a link moved to where French puts it), the connection lost in
/// the middle of a draft and found again, a review that sends one back with a comment, the fix, and the
/// approval.
/// </summary>
[Collection(InChromium.Name)]
public sealed class VolunteerJourneyTests(WebApp app)
{
    private const string Paper = """
        1. The [Working Group](https://www.wgig.org/) met in Geneva in November 2004.

        2. It held open consultations with all stakeholders.

        3. The report goes to the second Preparatory Committee.
        """;

    private const string Fixed = "3. Le rapport est transmis à la deuxième session du Comité préparatoire.";

    [Fact]
    public async Task A_volunteer_translates_a_batch_by_keyboard_through_a_lost_connection_and_a_rejection_to_approval()
    {
        var (project, document) = await app.ProjectAsync(["fr"], System.Text.Encoding.UTF8.GetBytes(Paper), "paper-1.md");
        var email = $"ana.{Guid.NewGuid():N}@example.org";
        Assert.Equal(System.Net.HttpStatusCode.Created,
            (await app.Api(Api.Tests.TestAccounts.CoordinatorToken).PostAsJsonAsync("/api/invitations", new { email, role = "volunteer" })).StatusCode);
        var invitation = await app.TokenFromLetterAsync(email);

        await using var ana = await Browsing.OpenAsync(app, "fr-FR");
        var page = ana.Page;
        await page.GotoAsync($"/accept-invitation?token={Uri.EscapeDataString(invitation)}");
        await page.Locator("#displayName").FillAsync("Ana Lima");
        await page.Locator("#password").FillAsync("une longue phrase secrète");
        await page.Locator("#confirmPassword").FillAsync("une longue phrase secrète");
        await page.Locator("form[action='/accept-invitation'] button[type=submit]").ClickAsync();
        await page.ArriveAtAsync(@"/profile\?welcome=1$");
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        var anaId = (await app.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();
        await app.GrantAsync(project, anaId, "fr", translate: true, review: false);

        // My work, then the next batch: the whole paper, and the editor opens at its first segment.
        await ana.ClaimAsync(project, document, "fr");
        var rows = page.Locator("article[data-segment]");
        Assert.Equal(3, await rows.CountAsync());
        var first = Field(rows.Nth(0));
        await Assertions.Expect(first).ToBeFocusedAsync();

        // 1: the source copied with its link, rewritten in French, the link put around "Groupe de travail" where French has it.
        await page.Keyboard.PressAsync("Control+Shift+C");
        await Assertions.Expect(first.Locator(".code")).ToHaveCountAsync(2);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("En novembre 2004, le Groupe de travail s’est réuni à Genève.");
        await Assertions.Expect(rows.Nth(0).Locator("[data-missing]")).ToContainTextAsync("début du lien");
        await page.Keyboard.PressAsync("Control+Home");
        for (var i = 0; i < "En novembre 2004, le ".Length; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }
        for (var i = 0; i < "Groupe de travail".Length; i++)
        {
            await page.Keyboard.PressAsync("Shift+ArrowRight");
        }
        await page.Keyboard.PressAsync("Control+Shift+Digit1");
        await Assertions.Expect(rows.Nth(0).Locator("[data-missing]")).ToBeEmptyAsync();
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(rows.Nth(0).Locator(".state")).ToHaveTextAsync("En attente de révision");
        var second = Field(rows.Nth(1));
        await Assertions.Expect(second).ToBeFocusedAsync();

        // 2: typed, the connection lost halfway: the draft stays on the device and goes out when the connection is back.
        await page.Keyboard.TypeAsync("Il a tenu des consultations ");
        await Assertions.Expect(rows.Nth(1).Locator("[data-status]")).ToContainTextAsync("Brouillon enregistré");
        await ana.Context.SetOfflineAsync(true);
        await page.Keyboard.TypeAsync("ouvertes à toutes les parties prenantes.");
        await Assertions.Expect(rows.Nth(1).Locator("[data-status]")).ToContainTextAsync("Hors ligne");
        Assert.Contains("parties prenantes", await page.EvaluateAsync<string>("() => JSON.stringify(localStorage)"), StringComparison.Ordinal);
        Assert.Equal("Il a tenu des consultations ", await DraftAsync(document, 1));
        await ana.Context.SetOfflineAsync(false);
        await Assertions.Expect(rows.Nth(1).Locator("[data-status]")).ToContainTextAsync("Brouillon enregistré");
        Assert.Equal("Il a tenu des consultations ouvertes à toutes les parties prenantes.", await DraftAsync(document, 1));
        Assert.Equal("{}", await page.EvaluateAsync<string>("() => JSON.stringify(localStorage)"));
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(Field(rows.Nth(2))).ToBeFocusedAsync();

        // 3: a poor first try, handed in with the keyboard too.
        await page.Keyboard.TypeAsync("Le rapport va au deuxième Comité.");
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("[data-target-field]")).ToHaveCountAsync(0);
        ana.AssertNoProblems();

        var stored = await TranslationAsync(project, document, 0);
        Assert.Equal("En novembre 2004, le Groupe de travail s’est réuni à Genève.", stored.GetProperty("text").GetProperty("text").GetString());
        var runs = stored.GetProperty("text").GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["En novembre 2004, le ", null, "Groupe de travail", null, " s’est réuni à Genève."],
            runs.Select(r => r.GetProperty("text").ValueKind == JsonValueKind.String ? r.GetProperty("text").GetString() : null));
        Assert.Equal("Open", runs[1].GetProperty("code").GetProperty("kind").GetString());

        // A second volunteer reviews with the keyboard: approves, sends one back with a comment, approves.
        var boEmail = $"bo.{Guid.NewGuid():N}@example.org";
        var bo = await app.AccountAsync(boEmail, "Bo Chen", "a long review phrase");
        await app.GrantAsync(project, bo, "fr", translate: false, review: true);
        await using var reviewer = await Browsing.OpenAsync(app, "en-GB");
        await reviewer.SignInAsync(boEmail, "a long review phrase", $"/projects/{project}/documents/{document}/fr/review");
        await reviewer.Page.Locator($"form[action='/projects/{project}/documents/{document}/fr/review/claims'] button").ClickAsync();
        var reviews = reviewer.Page.Locator("article[data-review-row]");
        await Assertions.Expect(reviews).ToHaveCountAsync(3);
        await Assertions.Expect(reviews.Nth(0)).ToBeFocusedAsync();
        await reviewer.Page.Keyboard.PressAsync("a");
        await Assertions.Expect(reviews.Nth(0)).ToContainTextAsync("Approved");
        await reviewer.Page.Keyboard.PressAsync("a");
        await Assertions.Expect(reviews.Nth(1)).ToContainTextAsync("Approved");
        await Assertions.Expect(reviews.Nth(2)).ToBeFocusedAsync();
        await reviewer.Page.Keyboard.PressAsync("r");
        await reviewer.Page.Keyboard.TypeAsync("« va au deuxième Comité » : écrivez « est transmis à la deuxième session du Comité préparatoire ».");
        await reviewer.Page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(reviews.Nth(2)).ToContainTextAsync("Sent back");
        reviewer.AssertNoProblems();

        // The translator sees it in My work with the comment, claims it again and fixes it.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#notification-count")).ToContainTextAsync("1");
        var returned = page.Locator(".returned");
        await Assertions.Expect(returned).ToContainTextAsync("écrivez « est transmis");
        await Assertions.Expect(returned).ToContainTextAsync("Bo Chen");
        await returned.Locator("button[type=submit]").ClickAsync();
        var again = page.Locator("article.segment--focused");
        await Assertions.Expect(Field(again)).ToBeFocusedAsync();
        await Assertions.Expect(again.Locator(".segment__comment")).ToContainTextAsync("écrivez");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(Fixed[3..]);
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator($"#s-{await SegmentIdAsync(document, 2)} .state")).ToHaveTextAsync("En attente de révision");

        await reviewer.Page.GotoAsync($"/projects/{project}/documents/{document}/fr/review");
        await reviewer.Page.Locator($"form[action='/projects/{project}/documents/{document}/fr/review/claims'] button").ClickAsync();
        await Assertions.Expect(reviewer.Page.Locator(".review__diff ins").First).ToContainTextAsync("est");
        await Assertions.Expect(reviewer.Page.Locator(".review__diff del").First).ToContainTextAsync("va");
        await reviewer.ShotAsync("journey.review-diff");
        await reviewer.Page.Keyboard.PressAsync("a");
        await Assertions.Expect(reviews.Nth(0)).ToContainTextAsync("Approved");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(nameof(TargetState.Approved), (await TranslationAsync(project, document, i)).GetProperty("state").GetString());
        }
        Assert.Equal(Fixed[3..], (await TranslationAsync(project, document, 2)).GetProperty("text").GetProperty("text").GetString());
        ana.AssertNoProblems();
        reviewer.AssertNoProblems();
    }

    private static ILocator Field(ILocator row) => row.Locator(".target__editor");

    private async Task<Guid> SegmentIdAsync(Guid document, int ordinal) =>
        (await app.Database.QueryAsync<Guid>($"SELECT id FROM translate.segments WHERE document_id = '{document}' AND ordinal = {ordinal + 1}")).Single();

    private async Task<string> DraftAsync(Guid document, int ordinal) =>
        (await app.Database.QueryAsync<string>($"""
            SELECT coalesce(t.draft, '') FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
            WHERE s.document_id = '{document}' AND s.ordinal = {ordinal + 1} AND t.language = 'fr'
            """)).Single();

    private async Task<JsonElement> TranslationAsync(Guid project, Guid document, int ordinal) =>
        await app.Api().GetFromJsonAsync<JsonElement>($"/api/projects/{project}/documents/{document}/segments/{await SegmentIdAsync(document, ordinal)}/translations/fr");
}
