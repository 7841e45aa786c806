using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Wgig.Translate.Web.Tests.Browser;

/// <summary>
/// Every page of the translators' and reviewers' web app, in English and Arabic, on a desktop and a phone:
/// axe finds no serious or critical violation, no script fails and no asset is refused, and a screenshot of
/// each is kept in the test output (screenshots/) for a person to look at.
/// </summary>
[Collection(InSecondChromium.Name)]
public sealed class PagesTests(WebApp app)
{
    private static readonly byte[] Paper = System.Text.Encoding.UTF8.GetBytes("""
        # Preliminary report of the Working Group on Internet Governance

        ## 1. Introduction

        1. The [Working Group](https://www.wgig.org/) held its first two meetings in Geneva in November 2004 and February 2005. It decided on a draft structure for its report.

        2. The work of the WGIG will continue to be **open, transparent and inclusive**. All meetings are held with consultations open to all stakeholders.

        3. This preliminary report outlines work in progress towards the final report.
        """);

    private static Task VisitAsync(Browsing browsing, string url, string name) => browsing.VisitInBothLanguagesAsync(url, name);

    [Fact]
    public async Task Every_page_passes_axe_in_english_and_arabic_and_is_photographed_on_desktop_and_phone()
    {
        var (project, document) = await app.ProjectAsync(["fr", "ar"], Paper, "preliminary-report.md");
        var (anaEmail, boEmail) = ($"ana.{Guid.NewGuid():N}@example.org", $"bo.{Guid.NewGuid():N}@example.org");
        var ana = await app.AccountAsync(anaEmail, "Ana Lima", "a long pass phrase");
        var bo = await app.AccountAsync(boEmail, "Bo Chen", "another pass phrase");
        await app.GrantAsync(project, ana, "fr", translate: true, review: false);
        await app.GrantAsync(project, bo, "fr", translate: false, review: true);
        var invited = $"new.{Guid.NewGuid():N}@example.org";
        Assert.Equal(System.Net.HttpStatusCode.Created, (await app.Api().PostAsJsonAsync("/api/invitations", new { email = invited, role = "volunteer" })).StatusCode);
        var invitation = await app.TokenFromLetterAsync(invited);
        var editor = $"/projects/{project}/documents/{document}/fr";

        await using (var visitor = await Browsing.OpenAsync(app))
        {
            await VisitAsync(visitor, "/", "sign-in");
            await VisitAsync(visitor, $"/accept-invitation?token={Uri.EscapeDataString(invitation)}", "accept-invitation");
            await VisitAsync(visitor, "/reset-password", "reset-password");
        }

        await using var translator = await Browsing.OpenAsync(app);
        await translator.SignInAsync(anaEmail, "a long pass phrase");
        await VisitAsync(translator, "/", "my-work.empty");
        await translator.ClaimAsync(project, document, "fr");
        foreach (var text in new[] { "Rapport préliminaire du Groupe de travail sur la gouvernance de l’Internet", "Résumé analytique" })
        {
            await translator.Page.Keyboard.TypeAsync(text);
            await translator.Page.Keyboard.PressAsync("Control+Enter");
            await Assertions.Expect(translator.Page.Locator(".segment--translated")).ToHaveCountAsync(text == "Résumé analytique" ? 2 : 1);
        }
        await translator.Page.Keyboard.TypeAsync("Le Groupe de travail a tenu ses deux premières réunions");
        await Assertions.Expect(translator.Page.Locator("[data-status]").First).ToContainTextAsync("Draft saved");
        await VisitAsync(translator, editor, "editor");
        var segment = await translator.Page.Locator("article[data-segment]").Nth(2).GetAttributeAsync("data-segment");
        await VisitAsync(translator, $"{editor}/segments/{segment}", "segment");
        await VisitAsync(translator, "/profile", "profile");

        // The batch as XLIFF, one target filled in, uploaded back: the report says what became of each unit.
        var xliff = await (await translator.Page.APIRequest.GetAsync($"/api/projects/{project}/documents/{document}/xliff?language=fr&units=claimedByMe")).TextAsync();
        var filled = System.Text.RegularExpressions.Regex.Replace(xliff, "(<source>It decided on a draft structure for its report.</source>)",
            "$1<target>Il a arrêté un projet de structure pour son rapport.</target>");
        await translator.Page.SetViewportSizeAsync(Browsing.Desktop.Width, Browsing.Desktop.Height);
        await translator.Page.GotoAsync(editor);
        await translator.Page.Locator("details.offline summary").ClickAsync();
        await translator.Page.Locator("#xliff-file").SetInputFilesAsync(new FilePayload
        {
            Name = "batch.xlf", MimeType = "application/xliff+xml", Buffer = System.Text.Encoding.UTF8.GetBytes(filled),
        });
        await translator.Page.Locator("form.offline__upload button[type=submit]").ClickAsync();
        await Assertions.Expect(translator.Page.Locator(".summary-card--applied")).ToContainTextAsync("1");
        await translator.ShotAsync("xliff-report.en.desktop");
        await translator.AssertAccessibleAsync("xliff report");

        await using var reviewer = await Browsing.OpenAsync(app);
        await reviewer.SignInAsync(boEmail, "another pass phrase", $"{editor}/review");
        await VisitAsync(reviewer, $"{editor}/review", "review.nothing-taken");
        await reviewer.Page.Locator($"form[action='{editor}/review/claims'] button").ClickAsync();
        await VisitAsync(reviewer, $"{editor}/review", "review");
        await reviewer.Page.Keyboard.PressAsync("r");
        await reviewer.Page.Keyboard.TypeAsync("Use “Groupe de travail sur la gouvernance de l’Internet (GTGI)” as the UN does.");
        await reviewer.Page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(reviewer.Page.Locator("[data-decided]")).ToHaveCountAsync(1);

        await VisitAsync(translator, "/", "my-work");
        await VisitAsync(translator, "/notifications", "notifications");
    }
}
