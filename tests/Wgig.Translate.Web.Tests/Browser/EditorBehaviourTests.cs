using Microsoft.Playwright;

namespace Wgig.Translate.Web.Tests.Browser;

/// <summary>
/// What the editor does beyond the straight path: the same draft written in two tabs (both versions shown,
/// nothing overwritten), a lease that ran out (said, and claimed again), right-to-left Arabic in the
/// Arabic interface, Chinese typed through an input method, and the whole core path with scripts off.
/// </summary>
[Collection(InSecondChromium.Name)]
public sealed class EditorBehaviourTests(WebApp app)
{
    private static readonly byte[] Paper = System.Text.Encoding.UTF8.GetBytes("""
        1. The Working Group met in Geneva in **November 2004**.

        2. It held open consultations with all stakeholders.
        """);

    private Task<(Guid Project, Guid Document, string Email)> VolunteerAsync(string language) => app.VolunteerAsync(language, Paper);

    private static Task<IPage> ClaimAsync(Browsing browsing, Guid project, Guid document, string language) => browsing.ClaimAsync(project, document, language);

    private Task<string> StoredAsync(Guid document, int ordinal, string language, string column = "draft") => app.StoredAsync(document, ordinal, language, column);

    [Fact]
    public async Task A_draft_saved_in_another_tab_is_a_conflict_showing_both_versions_and_nothing_is_overwritten()
    {
        var (project, document, email) = await VolunteerAsync("fr");
        await using var browsing = await Browsing.OpenAsync(app, "en-GB");
        await browsing.SignInAsync(email, "a long pass phrase");
        var first = await ClaimAsync(browsing, project, document, "fr");
        var second = await browsing.Context.NewPageAsync();
        await second.GotoAsync(first.Url);

        await first.Locator("article[data-segment] .target__editor").Nth(1).ClickAsync();
        await first.Keyboard.TypeAsync("Il a tenu des consultations.");
        await Assertions.Expect(first.Locator("article[data-segment]").Nth(1).Locator("[data-status]")).ToContainTextAsync("Draft saved");
        await second.Locator("article[data-segment] .target__editor").Nth(1).ClickAsync();
        await second.Keyboard.TypeAsync("Des consultations ont eu lieu.");

        var conflict = second.Locator("article[data-segment]").Nth(1).Locator("[data-conflict]");
        await Assertions.Expect(conflict.Locator("[data-conflict-theirs]")).ToContainTextAsync("Il a tenu des consultations.");
        await Assertions.Expect(conflict.Locator("[data-conflict-yours]")).ToContainTextAsync("Des consultations ont eu lieu.");
        Assert.Equal("Il a tenu des consultations.", await StoredAsync(document, 1, "fr"));
        await browsing.ShotAsync("conflict");

        await conflict.Locator("[data-keep-mine]").ClickAsync();
        await Assertions.Expect(second.Locator("article[data-segment]").Nth(1).Locator("[data-status]")).ToContainTextAsync("Draft saved");
        Assert.Equal("Des consultations ont eu lieu.", await StoredAsync(document, 1, "fr"));
        browsing.AssertNoProblems();
    }

    [Fact]
    public async Task A_lease_that_ran_out_says_so_keeps_the_text_and_offers_to_claim_again()
    {
        var (project, document, email) = await VolunteerAsync("es");
        await using var browsing = await Browsing.OpenAsync(app, "es-ES");
        await browsing.SignInAsync(email, "a long pass phrase");
        var page = await ClaimAsync(browsing, project, document, "es");
        await page.Keyboard.TypeAsync("El Grupo de Trabajo se reunió en Ginebra");
        await Assertions.Expect(page.Locator("article[data-segment]").First.Locator("[data-status]")).ToContainTextAsync("Borrador guardado");
        await app.Database.ExecuteAsync($"""
            UPDATE translate.claims SET expires_at = now() - interval '1 minute' WHERE document_id = '{document}';
            """);

        await page.GotoAsync($"/projects/{project}/documents/{document}/es");
        var lease = page.Locator("[data-lease]");
        await Assertions.Expect(lease.Locator("[data-lease-left]")).ToHaveTextAsync("La reserva ha vencido");
        await Assertions.Expect(page.Locator("article[data-segment] .tag--over").First).ToBeVisibleAsync();
        await lease.Locator("[data-lease-over] button").ClickAsync();

        await Assertions.Expect(page.Locator("article[data-segment] .target__editor").First).ToContainTextAsync("El Grupo de Trabajo se reunió en Ginebra");
        await Assertions.Expect(lease.Locator("[data-lease-left]")).ToContainTextAsync("La reserva termina en");
        browsing.AssertNoProblems();
    }

    [Fact]
    public async Task An_arabic_volunteer_in_the_arabic_interface_writes_right_to_left()
    {
        var (project, document, email) = await VolunteerAsync("ar");
        await using var browsing = await Browsing.OpenAsync(app, "en-GB");
        await browsing.SignInAsync(email, "a long pass phrase");
        await browsing.Page.Locator("button[name=culture][value=ar]").ClickAsync();
        var page = await ClaimAsync(browsing, project, document, "ar");

        Assert.Equal(("ar", "rtl"), (await page.Locator("html").GetAttributeAsync("lang"), await page.Locator("html").GetAttributeAsync("dir")));
        var field = page.Locator("article[data-segment] .target__editor").First;
        Assert.Equal(("ar", "rtl"), (await field.GetAttributeAsync("lang"), await field.GetAttributeAsync("dir")));
        Assert.Equal(("en", "ltr"), (await page.Locator(".segment__source").First.GetAttributeAsync("lang"), await page.Locator(".segment__source").First.GetAttributeAsync("dir")));
        await Assertions.Expect(field).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("اجتمع الفريق العامل في جنيف في ");
        await page.Keyboard.PressAsync("Control+Shift+Digit1");
        await page.Keyboard.TypeAsync("تشرين الثاني/نوفمبر 2004");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(".");
        var box = await field.BoundingBoxAsync();
        var caretSide = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.target__editor')).direction");
        Assert.Equal("rtl", caretSide);
        await browsing.ShotAsync("arabic.editor");
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("article[data-segment] .state").First).ToHaveTextAsync("بانتظار المراجعة");

        Assert.Equal("اجتمع الفريق العامل في جنيف في \uE000تشرين الثاني/نوفمبر 2004\uE001.", await StoredAsync(document, 0, "ar", "text"));
        Assert.NotNull(box);
        browsing.AssertNoProblems();
    }

    [Fact]
    public async Task A_chinese_segment_typed_through_an_input_method_saves_the_committed_characters()
    {
        var (project, document, email) = await VolunteerAsync("zh");
        await using var browsing = await Browsing.OpenAsync(app, "zh-CN");
        await browsing.SignInAsync(email, "a long pass phrase");
        var page = await ClaimAsync(browsing, project, document, "zh");
        var field = page.Locator("article[data-segment] .target__editor").Nth(1);
        await field.ClickAsync();
        await page.EvaluateAsync("""
            () => {
              window.compositions = [];
              const field = document.querySelectorAll('.target__editor')[1];
              ['compositionstart', 'compositionend'].forEach(type => field.addEventListener(type, e => window.compositions.push(type + ':' + (e.data ?? ''))));
            }
            """);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        foreach (var (pinyin, characters) in new[] { ("ta", "它"), ("juxing", "举行了"), ("gongkaizixun", "公开咨询。") })
        {
            for (var i = 1; i <= pinyin.Length; i++)
            {
                await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = pinyin[..i], ["selectionStart"] = i, ["selectionEnd"] = i });
            }
            await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = characters });
        }

        await Assertions.Expect(field).ToHaveTextAsync("它举行了公开咨询。");
        await Assertions.Expect(page.Locator("article[data-segment]").Nth(1).Locator("[data-status]")).ToContainTextAsync("草稿已于");
        Assert.Equal("它举行了公开咨询。", await StoredAsync(document, 1, "zh"));
        Assert.Contains("compositionend:公开咨询。", await page.EvaluateAsync<string[]>("() => window.compositions"));
        await browsing.ShotAsync("chinese.editor");
        browsing.AssertNoProblems();
    }

    [Fact]
    public async Task With_scripts_off_a_volunteer_claims_translates_and_submits_with_forms_and_nothing_typed_is_lost()
    {
        var (project, document, email) = await VolunteerAsync("ru");
        await using var browsing = await Browsing.OpenAsync(app, "ru-RU", javaScript: false);
        await browsing.SignInAsync(email, "a long pass phrase");
        var page = await ClaimAsync(browsing, project, document, "ru");
        var first = page.Locator("article[data-segment]").First;
        Assert.True(await first.Locator("textarea[name=text]").IsVisibleAsync());

        // A broken code is refused, with the text kept as typed and the error summary pointing at the field.
        await first.Locator("textarea[name=text]").FillAsync("Рабочая группа собралась в Женеве в ⟦1ноябре 2004 года.");
        await first.Locator("button[value=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("⟦1ноя");
        Assert.StartsWith("Ошибка:", await page.TitleAsync(), StringComparison.Ordinal);
        first = page.Locator("article[data-segment]").First;
        Assert.Equal("Рабочая группа собралась в Женеве в ⟦1ноябре 2004 года.", await first.Locator("textarea[name=text]").InputValueAsync());
        Assert.Equal($"#t-{await first.GetAttributeAsync("data-segment")}", await page.Locator(".error-summary a").GetAttributeAsync("href"));

        // Missing codes are refused by the inline-codes check, its finding listed in the row.
        await first.Locator("textarea[name=text]").FillAsync("Рабочая группа собралась в Женеве в ноябре 2004 года.");
        await first.Locator("button[value=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Перевод не отправлен");
        first = page.Locator("article[data-segment]").First;
        await Assertions.Expect(first.Locator("[data-checks] [data-check=inline-codes]")).ToContainTextAsync("Встроенные коды");
        await Assertions.Expect(first.Locator("[data-checks] [data-check=inline-codes] .check__message")).ToContainTextAsync("В переводе не хватает кодов оригинала");

        await first.Locator("textarea[name=text]").FillAsync("Рабочая группа собралась в Женеве в ⟦1⟧ноябре 2004 года⟦/1⟧.");
        await first.Locator("button[value=draft]").ClickAsync();
        Assert.Equal("Рабочая группа собралась в Женеве в \uE000ноябре 2004 года\uE001.", await StoredAsync(document, 0, "ru"));
        await page.Locator("article[data-segment]").First.Locator("button[value=submit]").ClickAsync();
        // Handed in, it leaves "Mine"; the page comes back at the next segment of the batch.
        await Assertions.Expect(page.Locator("article[data-segment]")).ToHaveCountAsync(1);
        Assert.Equal("Translated", await StoredAsync(document, 0, "ru", "state"));
        Assert.EndsWith($"#s-{await page.Locator("article[data-segment]").First.GetAttributeAsync("data-segment")}", page.Url, StringComparison.Ordinal);
        await browsing.ShotAsync("no-script.editor");
    }
}
