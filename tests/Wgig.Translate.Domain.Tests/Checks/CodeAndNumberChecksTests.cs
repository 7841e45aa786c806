using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Segmentation;
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
    [InlineData("The {b1}WSIS{/b1} met{x2}.", "Le SMSI s’est réuni.", "The translation lacks 3 of the source's codes: ⟨b (1), b (1)⟩, x (2).")]
    [InlineData("The {b1}WSIS{/b1} met.", "Le SMSI{/b1} s’est réuni.", "The translation lacks the source's ⟨b (1) code.|The b (1) span closes before it opens.")]
    [InlineData("The meeting{x2}.", "Заседание{x2}{x2}{x2}.", "The x (2) code occurs more than once; each code is used once.")]
    [InlineData("The {b1}WSIS{/b1} met.", "La {/b1}SMSI{b1} se reunió.", "The b (1) span closes before it opens.")]
    [InlineData("The {a1}{b2}{c3}WSIS{/c3}{/b2}{/a1} met.", "Le {a1}{b2}{c3}SMSI{/a1}{/c3}{/b2} s’est réuni.",
        "The a (1) span closes inside another span it does not contain; spans nest, they do not cross.")] // the spans still open nest as before
    [InlineData("The {a1}{b2}WSIS{/b2}{/a1} met.", "Le {a1}{b2}SMSI{/a1}{/b2} s’est réuni{/a1}.",
        "The a (1)⟩ code occurs more than once; each code is used once.|The a (1) span closes inside another span it does not contain; spans nest, they do not cross.|The a (1) span closes before it opens.")]
    public void Inline_codes_name_each_code_by_its_type_number_and_side(string source, string target, string expected) =>
        Assert.Equal(expected.Split('|'), Run<InlineCodesCheck>(source, target));

    [Theory]
    [InlineData("Start of the {b1}bold part.", "Début de la {b1}partie en gras.")]
    [InlineData("End of the bold{/b1} part.", "{/b1}Fin de la partie en gras.")] // its open is in another segment: where it closes is not judged
    [InlineData("A {b1}bold{/b1} break{x2} here.", "Un saut{x2} {b1}gras{/b1} ici.")] // a placeholder goes anywhere
    public void A_code_whose_partner_is_in_another_segment_only_has_to_be_there(string source, string target) =>
        Assert.Empty(Run<InlineCodesCheck>(source, target));

    [Fact]
    public void A_marker_beyond_the_sources_codes_is_not_one_of_its_codes()
    {
        var source = Source("The {b1}WSIS{/b1} met.");
        var target = new SegmentContent($"Le {SegmentContent.MarkerFor(0)}SMSI{SegmentContent.MarkerFor(1)} s’est réuni{SegmentContent.MarkerFor(2)}.", source.Codes);

        Assert.Empty(new InlineCodesCheck().Run(new CheckInput(source, target, "en", "fr")));
    }

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
    [InlineData("No figures here.", "Pas de chiffres ici.", "fr")]
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

    // One month name of each language's list (and its case forms) and each English abbreviation: the source gives the
    // date in figures, the translation names the month, and the month's number is not missing.
    [Theory]
    [InlineData("en", "6 March 2005", 3)]
    [InlineData("fr", "6 février 2005", 2)]
    [InlineData("es", "6 de octubre de 2005", 10)]
    [InlineData("ru", "март 2005 года, 6-е число", 3)]
    [InlineData("ru", "6 декабря 2005 года", 12)]
    [InlineData("ru", "в ноябре 2005 года, 6-го числа", 11)]
    [InlineData("ar", "6 أغسطس 2005", 8)]
    [InlineData("de", "6. Oktober 2005", 10)]
    [InlineData("pt", "6 de setembro de 2005", 9)]
    [InlineData("en", "6 Jan. 2005", 1)]
    [InlineData("en", "6 Feb. 2005", 2)]
    [InlineData("en", "6 Apr. 2005", 4)]
    [InlineData("en", "6 Jun. 2005", 6)]
    [InlineData("en", "6 Jul. 2005", 7)]
    [InlineData("en", "6 Aug. 2005", 8)]
    [InlineData("en", "6 Sep. 2005", 9)]
    [InlineData("en", "6 Sept. 2005", 9)]
    [InlineData("en", "6 Oct. 2005", 10)]
    [InlineData("en", "6 Nov. 2005", 11)]
    [InlineData("en", "6 Dec. 2005", 12)]
    public void A_month_in_figures_may_be_named_in_the_translation(string language, string date, int month)
    {
        Assert.Empty(Run<NumbersCheck>($"Adopted on 6/{month}/2005.", $"Adopted: {date}.", to: language));
        Assert.Empty(Run<NumbersCheck>($"Adopted: {date}.", $"Adopted on 6/{month}/2005.", from: language, to: "en"));
    }

    [Fact]
    public void A_named_month_does_not_excuse_another_months_number() =>
        Assert.Equal(["The translation lacks the number 4 of the source."], Run<NumbersCheck>("Adopted on 6/4/2005.", "Adopté le 6 mars 2005."));

    [Theory]
    [InlineData("In May 2005, 15 countries joined.", "En 5 2005, 15 pays ont adhéré.")] // the month before a number
    [InlineData("Since 2005 May they count 15.", "Depuis 2005 5 ils comptent 15.")] // the month after a number
    [InlineData("Meeting: 05 May.", "Réunion : 05/05.")] // after a number written with a leading zero
    [InlineData("May 05: meeting.", "05/05 : réunion.")] // before one
    public void May_is_a_month_next_to_a_number(string source, string target) =>
        Assert.Empty(Run<NumbersCheck>(source, target));

    [Theory]
    [InlineData("May", "5")] // the only word: nothing on either side
    [InlineData("They may", "5 Ils")] // "may" last, after a word
    [InlineData("May they", "Ils 5")] // "may" first, before a word
    public void May_alone_or_between_words_is_no_month(string source, string target) =>
        Assert.Equal(["The translation has the number 5 that the source does not have."], Run<NumbersCheck>(source, target));

    [Theory]
    [InlineData("Held in 2004 and 2005, with 12 countries.", "Tenue en 1999 et 2000, avec 12 pays.",
        new[] { "The translation lacks the numbers 2004, 2005 of the source.", "The translation has the numbers 1999, 2000 that the source does not have." })]
    [InlineData("Held in 2004.", "Tenue en 2004, avec 12 pays.", new[] { "The translation has the number 12 that the source does not have." })]
    [InlineData("Held in 2004 with 12 countries.", "Tenue en 2004.", new[] { "The translation lacks the number 12 of the source." })]
    [InlineData("Held in 2004 and 2004.", "Tenue en 2004.", new[] { "The translation lacks the number 2004 of the source." })]
    [InlineData("Held in 2004.", "Tenue en 2004 et 2004.", new[] { "The translation has the number 2004 that the source does not have." })]
    public void Numbers_name_each_missing_and_extra_number_as_often_as_it_is_missing_or_extra(string source, string target, string[] expected) =>
        Assert.Equal(expected, Run<NumbersCheck>(source, target));

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
    [InlineData("As stated in paragraph 17 (b).", "如第17（b）段所述。", "zh")]
    [InlineData("As stated in paragraph 17 (b).", "Как указано в пункте 17 (б).", "ru")]
    [InlineData("As stated in subparagraph (a).", "كما ورد في الفقرة الفرعية (أ).", "ar")]
    [InlineData("As stated in subparagraph (z).", "Как указано в подпункте э).", "ru")]
    [InlineData("See part d of the plan, in the section mix.", "Voir la partie d du plan.", "fr")]
    [InlineData("See the section Civil society.", "Voir la section société civile.", "fr")]
    public void References_pass_with_full_width_brackets_the_languages_own_letters_and_lower_case_words(string source, string target, string language) =>
        Assert.Empty(Run<ReferencesCheck>(source, target, to: language));

    [Theory]
    [InlineData("See (b) and again (b).", "Voir c) et c).", "fr", "The translation lacks the reference “(b)”.")]
    [InlineData("See (b) and chapter IV.", "Voir c) et le chapitre V.", "fr", "The translation lacks the references “(b)”, “chapter IV”.")]
    [InlineData("See chapter IV.", "Voir le chapitre IVa.", "fr", "The translation lacks the reference “chapter IV”.")]
    [InlineData("As stated in subparagraph (b).", "كما ورد في الفقرة الفرعية (b", "ar", "The translation lacks the reference “(b)”.")]
    public void References_name_each_lost_label_once(string source, string target, string language, string expected) =>
        Assert.Equal(expected, Assert.Single(Run<ReferencesCheck>(source, target, to: language)));

    // The sub-paragraph letters of UN translations, (a) to (z) in order: Russian а, б, в… and Arabic in abjad order أ, ب, ج…;
    // the next letter of the list is another sub-paragraph.
    [Theory]
    [InlineData("ru", "a", "а", "б")]
    [InlineData("ru", "b", "б", "в")]
    [InlineData("ru", "c", "в", "г")]
    [InlineData("ru", "d", "г", "д")]
    [InlineData("ru", "e", "д", "е")]
    [InlineData("ru", "f", "е", "ж")]
    [InlineData("ru", "g", "ж", "з")]
    [InlineData("ru", "h", "з", "и")]
    [InlineData("ru", "i", "и", "к")]
    [InlineData("ru", "j", "к", "л")]
    [InlineData("ru", "k", "л", "м")]
    [InlineData("ru", "l", "м", "н")]
    [InlineData("ru", "m", "н", "о")]
    [InlineData("ru", "n", "о", "п")]
    [InlineData("ru", "o", "п", "р")]
    [InlineData("ru", "p", "р", "с")]
    [InlineData("ru", "q", "с", "т")]
    [InlineData("ru", "r", "т", "у")]
    [InlineData("ru", "s", "у", "ф")]
    [InlineData("ru", "t", "ф", "х")]
    [InlineData("ru", "u", "х", "ц")]
    [InlineData("ru", "v", "ц", "ч")]
    [InlineData("ru", "w", "ч", "ш")]
    [InlineData("ru", "x", "ш", "щ")]
    [InlineData("ru", "y", "щ", "э")]
    [InlineData("ru", "z", "э", "а")]
    [InlineData("ar", "a", "أ", "ب")]
    [InlineData("ar", "b", "ب", "ج")]
    [InlineData("ar", "c", "ج", "د")]
    [InlineData("ar", "d", "د", "هـ")]
    [InlineData("ar", "e", "هـ", "و")]
    [InlineData("ar", "f", "و", "ز")]
    [InlineData("ar", "g", "ز", "ح")]
    [InlineData("ar", "h", "ح", "ط")]
    [InlineData("ar", "i", "ط", "ي")]
    [InlineData("ar", "j", "ي", "ك")]
    [InlineData("ar", "k", "ك", "ل")]
    [InlineData("ar", "l", "ل", "م")]
    [InlineData("ar", "m", "م", "ن")]
    [InlineData("ar", "n", "ن", "س")]
    [InlineData("ar", "o", "س", "ع")]
    [InlineData("ar", "p", "ع", "ف")]
    [InlineData("ar", "q", "ف", "ص")]
    [InlineData("ar", "r", "ص", "ق")]
    [InlineData("ar", "s", "ق", "ر")]
    [InlineData("ar", "t", "ر", "ش")]
    [InlineData("ar", "u", "ش", "ت")]
    [InlineData("ar", "v", "ت", "ث")]
    [InlineData("ar", "w", "ث", "خ")]
    [InlineData("ar", "x", "خ", "ذ")]
    [InlineData("ar", "y", "ذ", "ض")]
    [InlineData("ar", "z", "ض", "أ")]
    public void References_accept_each_sub_paragraph_letter_in_the_languages_own_letter_and_no_other(string language, string latin, string own, string next)
    {
        Assert.Empty(Run<ReferencesCheck>($"See subparagraph ({latin}).", $"({own}) x", to: language));
        Assert.Empty(Run<ReferencesCheck>($"See subparagraph ({latin}).", $"{own}) x", to: language));
        Assert.Single(Run<ReferencesCheck>($"See subparagraph ({latin}).", $"({next}) x", to: language));
    }

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

    [Theory]
    [InlineData("See www.itu.int/wsis and www.itu.int/wsis again.", "Voir le site de l’UIT.", "The translation lacks “www.itu.int/wsis”, or changed it; addresses are copied as they are.")]
    [InlineData("Write to secretariat@wgig.org.", "Écrire au secrétariat.", "The translation lacks “secretariat@wgig.org”, or changed it; addresses are copied as they are.")]
    public void Addresses_name_each_lost_address_once(string source, string target, string expected) =>
        Assert.Equal(expected, Assert.Single(Run<AddressesCheck>(source, target)));
}
