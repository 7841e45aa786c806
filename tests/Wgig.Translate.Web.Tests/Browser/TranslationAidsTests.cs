using System.Net.Http.Json;
using Microsoft.Playwright;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Web.Tests.Browser;

/// <summary>
/// The translation aids in the editor's side panel and at submission: a translation memory match with its score and
/// differences, the glossary's terms with their flags and Apertium's machine translation (marked as such), one of them
/// put into the field by keyboard; the panel's checks following each autosaved draft; and the checks refusing a submission
/// that drops the source's inline codes, then letting a warning through once the volunteer acknowledges it.
/// </summary>
[Collection(InChromium.Name)]
public sealed class TranslationAidsTests(WebApp app)
{
    private const string Password = "a long pass phrase"; // WebApp.VolunteerAsync's

    private Task<(Guid Project, Guid Document, string Email)> VolunteerAsync(string language, string paper) =>
        app.VolunteerAsync(language, System.Text.Encoding.UTF8.GetBytes(paper));

    private static async Task PostAsync(HttpClient api, string url, HttpContent content)
    {
        var response = await api.PostAsync(url, content);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task The_panel_shows_memory_glossary_and_machine_translation_and_a_suggestion_goes_into_the_field_by_keyboard()
    {
        var (project, document, email) = await VolunteerAsync("es", "The Working Group (WGIG) met in Geneva in November 2004.\n\nIt held open consultations.\n");
        var api = app.Api();
        const string Remembered = "El Grupo de Trabajo (WGIG) se reunió en Túnez en noviembre de 2004.";
        await PostAsync(api, $"/api/projects/{project}/memory/tmx", new MultipartFormDataContent
        {
            {
                new StringContent($"""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <tmx version="1.4"><header creationtool="tests" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>
                    <body><tu><tuv xml:lang="en"><seg>The Working Group (WGIG) met in Tunis in November 2004.</seg></tuv><tuv xml:lang="es"><seg>{Remembered}</seg></tuv></tu></body></tmx>
                    """), "file", "memory.tmx"
            },
        });
        await PostAsync(api, $"/api/projects/{project}/glossary", JsonContent.Create(new
        {
            definition = "The group the Secretary-General set up after the first phase of the Summit.",
            terms = new object[]
            {
                new { language = "en", text = "Working Group" },
                new { language = "es", text = "Grupo de Trabajo", status = "preferred" },
                new { language = "es", text = "Grupo Laboral", status = "forbidden" },
            },
        }));
        await PostAsync(api, $"/api/projects/{project}/glossary", JsonContent.Create(new { doNotTranslate = true, terms = new[] { new { language = "en", text = "WGIG" } } }));
        await Apertium.EnsureRunningAsync();
        Assert.True((await api.PutAsJsonAsync($"/api/projects/{project}/machine-translation/es", new { engine = "apertium" })).IsSuccessStatusCode);

        await using var browsing = await Browsing.OpenAsync(app, "es-ES");
        await browsing.SignInAsync(email, Password);
        var page = await browsing.ClaimAsync(project, document, "es");
        var field = page.Locator("article[data-segment] .target__editor").First;
        await Assertions.Expect(field).ToBeFocusedAsync();

        // The panel follows the focused segment: the memory's fuzzy match with its score and what differs, the terms, the engine's text.
        var panel = page.Locator("[data-panel] .panel__content");
        var memory = panel.Locator("[data-suggestion=TranslationMemory]");
        await Assertions.Expect(memory.Locator(".suggestion__text")).ToHaveTextAsync(Remembered);
        await Assertions.Expect(memory.Locator("[data-match=Fuzzy]")).ToHaveTextAsync("Coincidencia aproximada");
        await Assertions.Expect(memory.Locator(".suggestion__score")).ToContainTextAsync("%");
        await Assertions.Expect(memory.Locator("del")).ToContainTextAsync("Tunis");
        await Assertions.Expect(memory.Locator("ins")).ToContainTextAsync("Geneva");
        var terms = panel.Locator("[data-suggestion=Glossary]");
        await Assertions.Expect(terms).ToHaveCountAsync(2);
        await Assertions.Expect(terms.Locator("[data-term-flag=forbidden]")).ToContainTextAsync("Grupo Laboral");
        await Assertions.Expect(terms.Locator("[data-term-flag=preferred]")).ToContainTextAsync("Grupo de Trabajo");
        await Assertions.Expect(terms.Locator("[data-term-flag=do-not-translate]")).ToHaveTextAsync("No traducir");
        var machine = panel.Locator("[data-suggestion=MachineTranslation]");
        await Assertions.Expect(machine.Locator("[data-machine]")).ToContainTextAsync("Traducción automática de apertium");
        await Assertions.Expect(machine.Locator(".suggestion__text")).ToContainTextAsync("Grupo");
        Assert.Equal("Alt+Shift+1", await memory.Locator("[data-use-suggestion]").GetAttributeAsync("aria-keyshortcuts"));
        await browsing.ShotAsync("aids.panel");

        // Alt+Shift+1 from the field: the first suggestion (the memory's) replaces the text, and the volunteer types on.
        await page.Keyboard.PressAsync("Alt+Shift+Digit1");
        await Assertions.Expect(field).ToHaveTextAsync(Remembered);
        await Assertions.Expect(field).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("article[data-segment]").First.Locator("[data-status]")).ToContainTextAsync("Borrador guardado");
        Assert.Equal(Remembered, await app.StoredAsync(document, 0, "es", "draft"));
        Assert.Equal("Claimed", await app.StoredAsync(document, 0, "es", "state"));
        await browsing.AssertAccessibleAsync("the editor with the aids");
        browsing.AssertNoProblems();
    }

    [Fact]
    public async Task The_panels_checks_follow_each_draft_the_editor_autosaves_without_a_submission()
    {
        var (project, document, email) = await VolunteerAsync("fr", "The Working Group met in Geneva in November 2004.\n\nIt held open consultations.\n");
        await using var browsing = await Browsing.OpenAsync(app, "fr-FR");
        await browsing.SignInAsync(email, Password);
        var page = await browsing.ClaimAsync(project, document, "fr");
        var row = page.Locator("article[data-segment]").First;
        await Assertions.Expect(row.Locator(".target__editor")).ToBeFocusedAsync();
        var checks = page.Locator("[data-panel] [data-panel-checks]");
        await Assertions.Expect(checks).ToBeVisibleAsync();
        Assert.Equal(0, await checks.Locator("[data-check=numbers]").CountAsync());

        // A year that is not the source's: once the typing stops and the draft is saved, the panel lists the numbers check,
        // what it found said in French with the years quoted from the texts.
        await page.Keyboard.TypeAsync("Le Groupe de travail s’est réuni à Genève en novembre 2005.");
        await Assertions.Expect(checks.Locator("[data-check=numbers]").First).ToHaveAttributeAsync("data-level", "warning");
        await Assertions.Expect(checks.Locator("[data-check=numbers] .check__message")).ToHaveTextAsync(
            ["Il manque à la traduction le nombre 2004 de la source.", "La traduction contient le nombre 2005, absent de la source."]);
        await Assertions.Expect(checks.Locator("[data-check=numbers] [data-code='numbers.missing-one'] bdi")).ToHaveTextAsync("2004");
        Assert.Equal("Claimed", await app.StoredAsync(document, 0, "fr", "state"));
        await browsing.ShotAsync("aids.autosave-checks");

        // Corrected: the next autosave clears it, still without a submission.
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Le Groupe de travail s’est réuni à Genève en novembre 2004.");
        await Assertions.Expect(checks.Locator("[data-checks-clean]")).ToBeVisibleAsync();
        Assert.Equal(0, await checks.Locator("[data-check=numbers]").CountAsync());
        Assert.Equal("Claimed", await app.StoredAsync(document, 0, "fr", "state"));
        browsing.AssertNoProblems();
    }

    [Fact]
    public async Task A_submission_that_drops_the_inline_codes_is_refused_by_the_checks_and_a_warning_goes_through_once_acknowledged()
    {
        var (project, document, email) = await VolunteerAsync("fr", "The Working Group met in Geneva in **November 2004**.\n\nIt held open consultations.\n");
        await using var browsing = await Browsing.OpenAsync(app, "fr-FR");
        await browsing.SignInAsync(email, Password);
        var page = await browsing.ClaimAsync(project, document, "fr");
        var row = page.Locator("article[data-segment]").First;
        await Assertions.Expect(row.Locator(".target__editor")).ToBeFocusedAsync();

        // The bold's codes left out: an error, listed in the row; nothing is handed in and there is nothing to acknowledge.
        await page.Keyboard.TypeAsync("Le Groupe de travail s’est réuni à Genève en novembre 2004.");
        await page.Keyboard.PressAsync("Control+Enter");
        var codes = row.Locator("[data-checks] [data-check=inline-codes]");
        await Assertions.Expect(codes).ToHaveAttributeAsync("data-level", "error");
        await Assertions.Expect(codes).ToContainTextAsync("Codes en ligne");
        await Assertions.Expect(row.Locator("[data-row-error]")).ToContainTextAsync("La traduction n’a pas été soumise");
        Assert.Equal(0, await row.Locator("[data-acknowledge]").CountAsync());
        Assert.Equal("Claimed", await app.StoredAsync(document, 0, "fr", "state"));
        Assert.Equal("", await app.StoredAsync(document, 0, "fr", "text"));
        await browsing.ShotAsync("aids.blocked");

        // With the codes, but a year that is not the source's: a warning, handed in once the volunteer ticks it.
        await row.Locator(".target__editor").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Le Groupe de travail s’est réuni à Genève en ");
        await page.Keyboard.PressAsync("Control+Shift+Digit1");
        await page.Keyboard.TypeAsync("novembre 2005");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(".");
        await page.Keyboard.PressAsync("Control+Enter");
        var numbers = row.Locator("[data-checks] [data-check=numbers]").First;
        await Assertions.Expect(numbers).ToHaveAttributeAsync("data-level", "warning");
        Assert.Equal(0, await row.Locator("[data-checks] [data-level=error]").CountAsync());
        Assert.Equal("Claimed", await app.StoredAsync(document, 0, "fr", "state"));
        await browsing.ShotAsync("aids.warning");

        await row.Locator("[data-acknowledge][value=numbers]").CheckAsync();
        await row.Locator("button[value=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("article[data-segment]").First.Locator(".state")).ToHaveTextAsync("En attente de révision");
        Assert.Equal("Translated", await app.StoredAsync(document, 0, "fr", "state"));
        var note = (await app.Database.QueryAsync<string>($"""
            SELECT coalesce(e.comment, '') FROM translate.target_events e JOIN translate.targets t ON t.id = e.target_id JOIN translate.segments s ON s.id = t.segment_id
            WHERE s.document_id = '{document}' AND s.ordinal = 1 AND e.kind = 'Submitted'
            """)).Single();
        Assert.StartsWith("Acknowledged warnings: numbers", note, StringComparison.Ordinal);
        browsing.AssertNoProblems();
    }
}
