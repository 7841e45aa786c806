using Wgig.Translate.Domain.Checks;
using static Wgig.Translate.Domain.Tests.Checks.CheckRunner;

namespace Wgig.Translate.Domain.Tests.Checks;

public sealed class CodeAndNumberChecksTests
{
    [Theory]
    [InlineData("The {b1}WSIS{/b1} met{x2}.", "Le {b1}SMSI{/b1} s’est réuni{x2}.", "fr")]
    [InlineData("The {b1}WSIS{/b1} met{x2}.", "{x2}{b1}信息社会世界峰会{/b1}举行了会议。", "zh")]
    [InlineData("The {b1}WSIS{/b1} met.", "اجتمعت {b1}القمة{/b1}.", "ar")]
    [InlineData("See {l1}the {i2}report{/i2}{/l1}.", "Voir {l1}le {i2}rapport{/i2}{/l1}.", "fr")]
    [InlineData("No codes here.", "Pas de codes ici.", "fr")]
    public void Inline_codes_pass_when_every_code_is_there_once_and_spans_nest(string source, string target, string language) =>
        Assert.Empty(Run<InlineCodesCheck>(source, target, to: language));

    [Theory]
    [InlineData("The {b1}WSIS{/b1} met{x2}.", "Le SMSI s’est réuni.", "lacks 3 of the source's codes")]
    [InlineData("The {b1}WSIS{/b1} met{x2}.", "Le {b1}SMSI{/b1} s’est réuni.", "lacks the source's x (2) code")]
    [InlineData("The {b1}WSIS{/b1} met.", "Le {b1}SMSI s’est réuni.", "lacks the source's b (1)⟩ code")]
    [InlineData("The meeting{x2}.", "Заседание{x2}{x2}.", "occurs more than once")]
    [InlineData("See {l1}the {i2}report{/i2}{/l1}.", "Voir {l1}le {i2}rapport{/l1}{/i2}.", "spans nest, they do not cross")]
    [InlineData("The {b1}WSIS{/b1} met.", "La {/b1}SMSI{b1} se reunió.", "closes before it opens")]
    public void Inline_codes_fail_when_missing_doubled_or_badly_nested(string source, string target, string expected) =>
        Assert.Contains(expected, Assert.Single(Run<InlineCodesCheck>(source, target)), StringComparison.Ordinal);

    [Theory]
    [InlineData("The meeting took place on 24 – 26 June 2004.", "La réunion a eu lieu du 24 au 26 juin 2004.", "fr")]
    [InlineData("The meeting took place on 24 – 26 June 2004.", "会议于2004年6月24日至26日举行。", "zh")]
    [InlineData("The meeting took place on 24 – 26 June 2004.", "عُقد الاجتماع في الفترة من ٢٤ إلى ٢٦ حزيران/يونيو ٢٠٠٤.", "ar")]
    [InlineData("The meeting took place on 24 – 26 June 2004.", "Совещание состоялось 24–26 июня 2004 года.", "ru")]
    [InlineData("It costs 1,000.5 dollars for 3.5 days.", "Cela coûte 1 000,5 dollars pour 3,5 jours.", "fr")]
    [InlineData("It reached 12,500 users.", "Alcanzó 12.500 usuarios.", "es")]
    [InlineData("It reached 12,500 users.", "بلغ ١٢٬٥٠٠ مستخدم.", "ar")]
    [InlineData("Adopted on 06/07/2005.", "Adopté le 6 juillet 2005.", "fr")]
    [InlineData("States may adopt 3 measures.", "Les États peuvent adopter 3 mesures.", "fr")]
    public void Numbers_pass_in_the_target_languages_digits_separators_and_dates(string source, string target, string language) =>
        Assert.Empty(Run<NumbersCheck>(source, target, to: language));

    [Theory]
    [InlineData("The summit met in 2004.", "Le sommet s’est réuni en 1999.", "fr", "lacks the number 2004")]
    [InlineData("The summit met in 2004.", "峰会于1999年举行。", "zh", "has the number 1999")]
    [InlineData("Paragraph 17 refers to 35 countries.", "El párrafo 17 se refiere a los países.", "es", "lacks the number 35")]
    [InlineData("In 2005, 15 countries joined.", "В 2005 году 16 стран присоединились.", "ru", "lacks the number 15")]
    public void Numbers_fail_when_a_number_is_changed_or_dropped(string source, string target, string language, string expected) =>
        Assert.Contains(Run<NumbersCheck>(source, target, to: language), m => m.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void A_number_the_source_does_not_have_is_a_month_only_next_to_the_name_of_one() =>
        Assert.Single(Run<NumbersCheck>("States may adopt measures.", "Les États peuvent adopter 5 mesures."));

    [Theory]
    [InlineData("As stated in paragraph 17 (b) and (iv), see Annex II.", "Comme indiqué au paragraphe 17 b) et (iv), voir l’annexe II.", "fr")]
    [InlineData("As stated in paragraph 17 (b), see chapter IV.", "Как указано в пункте 17 б), см. главу IV.", "ru")]
    [InlineData("As stated in paragraph 17 (c).", "كما ورد في الفقرة 17 (ج).", "ar")]
    [InlineData("As stated in paragraph 17 (b).", "如第17(b)段所述。", "zh")]
    public void References_pass_with_labels_kept_or_in_the_languages_own_letters(string source, string target, string language) =>
        Assert.Empty(Run<ReferencesCheck>(source, target, to: language));

    [Theory]
    [InlineData("As stated in paragraph 17 (b).", "Comme indiqué au paragraphe 17 c).", "fr", "“(b)”")]
    [InlineData("See Annex II.", "Véase el anexo.", "es", "“Annex II”")]
    [InlineData("As stated in subparagraph (d).", "كما ورد في الفقرة الفرعية (ج).", "ar", "“(d)”")]
    public void References_fail_when_a_label_is_lost_or_changed(string source, string target, string language, string expected) =>
        Assert.Contains(expected, Assert.Single(Run<ReferencesCheck>(source, target, to: language)), StringComparison.Ordinal);

    [Theory]
    [InlineData("See https://www.wgig.org/docs/report.html.", "Voir https://www.wgig.org/docs/report.html.", "fr")]
    [InlineData("Write to secretariat@wgig.org for copies.", "Для получения копий пишите по адресу secretariat@wgig.org.", "ru")]
    [InlineData("See www.itu.int/wsis.", "请参见www.itu.int/wsis。", "zh")]
    public void Addresses_pass_when_copied_unchanged(string source, string target, string language) =>
        Assert.Empty(Run<AddressesCheck>(source, target, to: language));

    [Theory]
    [InlineData("See https://www.wgig.org/docs/report.html.", "Voir https://www.wgig.org/docs/rapport.html.", "fr")]
    [InlineData("Write to secretariat@wgig.org for copies.", "Escriba a secretaria@wgig.org para obtener copias.", "es")]
    public void Addresses_fail_when_changed(string source, string target, string language) =>
        Assert.Single(Run<AddressesCheck>(source, target, to: language));
}
