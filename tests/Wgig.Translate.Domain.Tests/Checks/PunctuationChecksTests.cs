using Wgig.Translate.Domain.Checks;
using static Wgig.Translate.Domain.Tests.Checks.CheckRunner;

namespace Wgig.Translate.Domain.Tests.Checks;

public sealed class PunctuationChecksTests
{
    [Theory]
    [InlineData("The group met.", "Le groupe s’est réuni.", "fr")]
    [InlineData("The group met.", "工作组举行了会议。", "zh")]
    [InlineData("Who governs the Internet?", "¿Quién gobierna Internet?", "es")]
    [InlineData("Who governs the Internet?", "من يحكم الإنترنت؟", "ar")]
    [InlineData("It said: “We agree.”", "Il a déclaré : « Nous sommes d’accord. »", "fr")]
    [InlineData("The following issues:", "Следующие вопросы:", "ru")]
    public void Final_punctuation_passes_with_the_same_kind_of_mark_in_any_script(string source, string target, string language) =>
        Assert.Empty(Run<FinalPunctuationCheck>(source, target, to: language));

    [Theory]
    [InlineData("The group met.", "Le groupe s’est réuni", "fr", "has no final punctuation")]
    [InlineData("Who governs the Internet?", "谁管理互联网。", "zh", "“?”, the translation with “。”")]
    [InlineData("The following issues:", "Las siguientes cuestiones.", "es", "“:”, the translation with “.”")]
    [InlineData("Internet governance", "إدارة الإنترنت.", "ar", "the source has no final punctuation")]
    public void Final_punctuation_fails_when_the_kind_of_mark_differs(string source, string target, string language, string expected) =>
        Assert.Contains(expected, Assert.Single(Run<FinalPunctuationCheck>(source, target, to: language)), StringComparison.Ordinal);

    [Theory]
    [InlineData("The group met.", " Le groupe s’est réuni.", "The translation starts with white space; the source does not.")]
    [InlineData(" The group met.", "Le groupe s’est réuni.", "The source starts with white space; the translation does not.")]
    [InlineData("The group met.", "Le groupe s’est réuni.  ", "The translation ends with white space; the source does not.")]
    [InlineData("The group met.\n", "Le groupe s’est réuni.", "The source ends with white space; the translation does not.")]
    [InlineData("The group met.", "Le  groupe s’est réuni.", "The translation has two spaces in a row.")]
    public void Whitespace_names_the_side_and_the_end_where_the_space_differs(string source, string target, string expected) =>
        Assert.Equal(expected, Assert.Single(Run<WhitespaceCheck>(source, target)));

    [Theory]
    [InlineData("The  group met.", "Le  groupe s’est réuni.", "fr")]
    [InlineData("The group met.", "工作组  举行了会议。", "zh")]
    [InlineData(" The group met.  ", " Le groupe s’est réuni.  ", "fr")]
    public void Whitespace_accepts_doubled_spaces_the_source_has_or_a_script_without_spaces(string source, string target, string language) =>
        Assert.Empty(Run<WhitespaceCheck>(source, target, to: language));

    [Theory]
    [InlineData(" The group met. ", " Le groupe s’est réuni. ")]
    [InlineData("The group met.", "Le groupe s’est réuni.")]
    public void Whitespace_passes_when_leading_and_trailing_space_match(string source, string target) =>
        Assert.Empty(Run<WhitespaceCheck>(source, target));

    [Theory]
    [InlineData("The group met.", " Le groupe s’est réuni.", "starts with white space")]
    [InlineData("The group met. ", "El grupo se reunió.", "ends with white space; the translation does not")]
    [InlineData("The group met.", "Группа  собралась.", "two spaces in a row")]
    public void Whitespace_fails_on_extra_missing_or_doubled_space(string source, string target, string expected) =>
        Assert.Contains(expected, Assert.Single(Run<WhitespaceCheck>(source, target)), StringComparison.Ordinal);

    [Theory]
    [InlineData("fr", "Qui gouverne l’Internet\u202F? Il a dit\u00A0: «\u00A0oui\u00A0».")]
    [InlineData("fr", "La séance a commencé à 10:30 ; voir https://wgig.org.")]
    [InlineData("fr", "Vraiment ?!")]
    [InlineData("fr-CH", "Qui gouverne l’Internet? Il a dit : « oui ».")]
    [InlineData("en", "Who governs the Internet? He said: yes!")]
    public void French_spacing_passes_with_spaces_before_high_punctuation(string language, string target) =>
        Assert.Empty(Run<FrenchSpacingCheck>("x", target, to: language));

    [Theory]
    [InlineData("Qui gouverne l’Internet? Il a dit: «\u00A0oui».", "French puts a no-break space before : ? ».")]
    [InlineData("Attention! Voir la note; puis signer.", "French puts a no-break space before ! ;.")]
    [InlineData("Il a dit : «oui ».", "French puts a no-break space after «.")]
    public void French_spacing_fails_without_spaces_before_high_punctuation(string target, string expected) =>
        Assert.Equal(expected, Assert.Single(Run<FrenchSpacingCheck>("x", target, to: "fr")));

    [Fact]
    public void French_spacing_names_the_marks_before_and_the_guillemet_after_which_a_space_is_missing() =>
        Assert.Equal(["French puts a no-break space before : ? ».", "French puts a no-break space after «."],
            Run<FrenchSpacingCheck>("x", "Qui gouverne l’Internet? Il a dit: «oui».", to: "fr"));

    [Theory]
    [InlineData("fr", "Qui gouverne l’Internet ? Voir la note\u00A0; puis signer\u202F! Ou\u2009: rien.")]
    [InlineData("fr", "Vraiment !! Vraiment !?")]
    [InlineData("fr", "?Rien : «")]
    [InlineData("fr", ": la suite.")]
    [InlineData("fr-ch", "Qui? Voir la note; puis signer! Il a dit : « oui ».")]
    public void French_spacing_takes_any_space_and_leaves_doubled_marks_and_the_ends_of_the_text_alone(string language, string target) =>
        Assert.Empty(Run<FrenchSpacingCheck>("x", target, to: language));

    [Theory]
    [InlineData("Voir l’article 10: la règle.", "French puts a no-break space before :.")]
    [InlineData("Voir http:/wgig.org.", "French puts a no-break space before :.")]
    [InlineData("Voir http:/", "French puts a no-break space before :.")]
    [InlineData("Rendez-vous à 10:", "French puts a no-break space before :.")]
    [InlineData("Vote:12 pour.", "French puts a no-break space before :.")]
    [InlineData("Quoi?", "French puts a no-break space before ?.")]
    [InlineData("Il a dit : « oui».", "French puts a no-break space before ».")]
    public void French_spacing_wants_a_space_before_a_colon_that_is_no_time_or_address(string target, string expected) =>
        Assert.Equal(expected, Assert.Single(Run<FrenchSpacingCheck>("x", target, to: "fr")));

    [Theory]
    [InlineData("es", "Quién? Qué?", "A Spanish question opens with ¿: the translation has 2 ? but 0 ¿.")]
    [InlineData("es", "¿Quién.", "A question opened with ¿ closes with ?: the translation has 1 ¿ but 0 ?.")]
    [InlineData("gl", "Ninguén!", "A Spanish exclamation opens with ¡: the translation has 1 ! but 0 ¡.")]
    [InlineData("ast", "¡Naide.", "An exclamation opened with ¡ closes with !: the translation has 1 ¡ but 0 !.")]
    public void Spanish_marks_say_which_mark_is_unopened_or_unclosed_and_count_both(string language, string target, string expected) =>
        Assert.Equal(expected, Assert.Single(Run<SpanishMarksCheck>("x", target, to: language)));

    [Fact]
    public void Spanish_marks_are_not_asked_of_other_languages() =>
        Assert.Empty(Run<SpanishMarksCheck>("x", "Who? Nobody!", to: "en"));

    [Theory]
    [InlineData("¿Quién gobierna Internet? ¡Nadie!")]
    [InlineData("Internet es de todos.")]
    public void Spanish_marks_pass_when_questions_and_exclamations_open(string target) =>
        Assert.Empty(Run<SpanishMarksCheck>("x", target, to: "es"));

    [Theory]
    [InlineData("Quién gobierna Internet?", "opens with ¿")]
    [InlineData("¡Nadie lo sabe.", "has 1 ¡ but 0 !")]
    public void Spanish_marks_fail_without_opening_or_closing_marks(string target, string expected) =>
        Assert.Contains(expected, Assert.Single(Run<SpanishMarksCheck>("x", target, to: "es")), StringComparison.Ordinal);

    [Theory]
    [InlineData("ar", "من يحكم الإنترنت؟ الحكومات، والقطاع الخاص؛ والمجتمع المدني.")]
    [InlineData("ar", "بلغ العدد 1,000 مستخدم.")]
    [InlineData("fr", "Qui gouverne, vraiment ?")]
    [InlineData("fr", "Le mot سلام, dit-il; et مرحبا?")]
    public void Arabic_punctuation_passes_with_arabic_marks(string language, string target) =>
        Assert.Empty(Run<ArabicPunctuationCheck>("x", target, to: language));

    [Fact]
    public void Arabic_punctuation_fails_with_latin_comma_and_question_mark() =>
        Assert.Equal("Use the Arabic marks ، ؟ instead of the Latin , ?.",
            Assert.Single(Run<ArabicPunctuationCheck>("x", "من يحكم الإنترنت? الحكومات, والقطاع الخاص.", to: "ar")));

    [Theory]
    [InlineData("fa", "چه کسی اینترنت را اداره می‌کند?")]
    [InlineData("ur", "انٹرنیٹ کون چلاتا ہے?")]
    [InlineData("ar", "الحكومات ,والقطاع الخاص ;والمجتمع المدني ?")]
    public void Arabic_punctuation_is_asked_of_arabic_persian_and_urdu_after_a_space_too(string language, string target) =>
        Assert.Single(Run<ArabicPunctuationCheck>("x", target, to: language));

    [Fact]
    public void Arabic_punctuation_names_each_latin_mark_once_with_its_arabic_counterpart() =>
        Assert.Equal("Use the Arabic marks ، ؛ ؟ instead of the Latin , ; ?.",
            Assert.Single(Run<ArabicPunctuationCheck>("x", "من يحكم? الحكومات, والقطاع الخاص; والمجتمع, المدني?", to: "ar")));

    [Theory]
    [InlineData("zh", "谁管理互联网!", "！", "!")]
    [InlineData("zh", "如下:", "：", ":")]
    [InlineData("zh", "政府;私营部门", "；", ";")]
    [InlineData("zh", "见(第", "（", "(")]
    [InlineData("zh", "第17段)", "）", ")")]
    [InlineData("zh", "政府,私营部门", "，", ",")]
    [InlineData("ja", "政府,私営", "、", ",")]
    [InlineData("ja", "です.", "。", ".")]
    [InlineData("ja", "ですか?", "？", "?")]
    public void Cjk_punctuation_names_the_full_width_mark_for_each_half_width_one(string language, string target, string fullWidth, string halfWidth) =>
        Assert.Equal($"Use the full-width marks {fullWidth} instead of the half-width {halfWidth} after Chinese or Japanese characters.",
            Assert.Single(Run<CjkPunctuationCheck>("x", target, to: language)));

    [Theory]
    [InlineData("zh", "增长(GDP)为3.5%")]
    [InlineData("zh", ",政府")]
    [InlineData("zh", "政府(")]
    [InlineData("ko", "정부,민간")]
    [InlineData("en", "政府,私营部门")]
    public void Cjk_punctuation_leaves_latin_words_the_ends_of_the_text_and_other_languages_alone(string language, string target) =>
        Assert.Empty(Run<CjkPunctuationCheck>("x", target, to: language));

    [Theory]
    [InlineData("zh", "谁管理互联网？政府、私营部门和民间社会。")]
    [InlineData("zh", "增长了3.5%，见www.itu.int。")]
    [InlineData("ja", "誰がインターネットを管理するのか？")]
    public void Cjk_punctuation_passes_with_full_width_marks(string language, string target) =>
        Assert.Empty(Run<CjkPunctuationCheck>("x", target, to: language));

    [Theory]
    [InlineData("zh", "谁管理互联网?政府,私营部门.", "， 。 ？ instead of the half-width , . ?")]
    [InlineData("ja", "誰が管理するのか, 政府.", "、 。 instead of the half-width , .")]
    public void Cjk_punctuation_fails_with_half_width_marks_after_han_or_kana(string language, string target, string expected) =>
        Assert.Contains(expected, Assert.Single(Run<CjkPunctuationCheck>("x", target, to: language)), StringComparison.Ordinal);

    [Theory]
    [InlineData("fr", "Nous nous sommes réunis.")]
    [InlineData("en", "He had had enough.")]
    [InlineData("ru", "Группа собралась дважды.")]
    [InlineData("zh", "我们我们")]
    public void Doubled_words_pass_where_the_language_doubles_on_purpose(string language, string target) =>
        Assert.Empty(Run<DoubledWordsCheck>("x", target, to: language));

    [Theory]
    [InlineData("fr", "Le le groupe s’est réuni.", "“Le le”")]
    [InlineData("es", "El grupo se se reunió.", "“se se”")]
    [InlineData("ru", "Группа собралась собралась.", "“собралась собралась”")]
    public void Doubled_words_fail_on_a_word_written_twice(string language, string target, string expected) =>
        Assert.Contains(expected, Assert.Single(Run<DoubledWordsCheck>("x", target, to: language)), StringComparison.Ordinal);

    [Theory]
    [InlineData("en", "He said that that was all, and had had enough.")]
    [InlineData("fr", "Vous vous êtes réunis.")]
    [InlineData("de", "Die die Gruppe leiten, der der Vorsitz gehört, das das Protokoll führt.")]
    [InlineData("fr", "Le, le groupe s’est réuni.")]
    [InlineData("fr", "Le score était de 2 2.")]
    [InlineData("en", "The nation nations agreed.")]
    [InlineData("zh", "报告提到 the the 问题")]
    public void Doubled_words_pass_across_punctuation_for_numbers_other_forms_and_each_languages_doubles(string language, string target) =>
        Assert.Empty(Run<DoubledWordsCheck>("x", target, to: language));

    [Fact]
    public void Doubled_words_name_every_doubled_pair_in_order() =>
        Assert.Equal("Written twice in a row: “le le”, “se se”.",
            Assert.Single(Run<DoubledWordsCheck>("x", "El grupo le le dijo que se se reunió.", to: "es")));

    [Theory]
    [InlineData("The group met in Geneva.", "Le groupe s’est réuni à Genève.", "fr")]
    [InlineData("The group met in Geneva and in Tunis to prepare the report.", "工作组在日内瓦和突尼斯开会，编写了报告。", "zh")]
    [InlineData("The group met in Geneva and in Tunis to prepare the report.", "اجتمع الفريق في جنيف وتونس لإعداد التقرير.", "ar")]
    [InlineData("Short.", "Une phrase bien plus longue que la source.", "fr")]
    public void Length_passes_within_the_usual_ratio_of_the_language_pair(string source, string target, string language) =>
        Assert.Empty(Run<LengthCheck>(source, target, to: language));

    [Theory]
    [InlineData("The group met in Geneva and in Tunis to prepare the report.", "Le groupe.", "fr")]
    [InlineData("The group met in Geneva and in Tunis to prepare the report.", "El grupo se reunió en Ginebra y en Túnez para preparar el informe, y después de muchas deliberaciones, consultas, discusiones y reuniones adicionales con todas las partes interesadas, adoptó sus conclusiones finales por consenso.", "es")]
    [InlineData("The group met in Geneva and in Tunis to prepare the report.", "工作组在日内瓦和突尼斯开会，编写了报告。工作组在日内瓦和突尼斯开会，编写了报告。工作组在日内瓦和突尼斯开会，编写了报告。", "zh")]
    public void Length_fails_far_outside_the_usual_ratio(string source, string target, string language) =>
        Assert.Contains("times as long as the source", Assert.Single(Run<LengthCheck>(source, target, to: language)), StringComparison.Ordinal);

    // From English to French the usual ratio is 1.2, with a tolerance of 2 from 60 characters of source (0.6 to 2.4)
    // and of 2.5 below (0.48 to 3); a source under 20 characters is not judged. The bounds themselves pass.
    [Theory]
    [InlineData(19, 1, true)]
    [InlineData(20, 1, false)]
    [InlineData(60, 144, true)]
    [InlineData(60, 145, false)]
    [InlineData(60, 36, true)]
    [InlineData(60, 35, false)]
    [InlineData(59, 177, true)]
    [InlineData(59, 178, false)]
    [InlineData(50, 24, true)]
    [InlineData(50, 23, false)]
    public void Length_is_judged_from_20_characters_of_source_and_with_a_narrower_range_from_60(int sourceLength, int targetLength, bool passes) =>
        Assert.Equal(passes, Run<LengthCheck>(new string('s', sourceLength), new string('t', targetLength)).Count == 0);

    [Fact]
    public void Length_ignores_white_space_around_either_text() =>
        Assert.Empty(Run<LengthCheck>(new string('s', 19) + new string(' ', 10), "  " + new string('t', 3) + "  "));

    [Theory]
    [InlineData("en", "fr", 60, 145, "The translation is 2.42 times as long as the source; from en to fr between 0.6 and 2.4 is usual. Is something missing or added?")]
    [InlineData("fr", "en", 60, 101, "The translation is 1.68 times as long as the source; from fr to en between 0.42 and 1.67 is usual. Is something missing or added?")]
    [InlineData("en", "zh", 60, 43, "The translation is 0.72 times as long as the source; from en to zh between 0.18 and 0.7 is usual. Is something missing or added?")]
    [InlineData("en-GB", "sv", 60, 121, "The translation is 2.02 times as long as the source; from en to sv between 0.5 and 2 is usual. Is something missing or added?")]
    public void Length_says_the_ratio_and_the_usual_range_of_the_language_pair(string from, string to, int sourceLength, int targetLength, string expected) =>
        Assert.Equal(expected, Assert.Single(Run<LengthCheck>(new string('s', sourceLength), new string('t', targetLength), from, to)));

    // The usual length against English, language by language: a 60-character English source is translated in
    // between the factor ÷ 2 and the factor × 2 (a language not in the table counts as English).
    [Theory]
    [InlineData("es", "0.6", "2.4")]
    [InlineData("pt", "0.6", "2.4")]
    [InlineData("it", "0.58", "2.3")]
    [InlineData("de", "0.63", "2.5")]
    [InlineData("nl", "0.6", "2.4")]
    [InlineData("ru", "0.55", "2.2")]
    [InlineData("uk", "0.55", "2.2")]
    [InlineData("ar", "0.48", "1.9")]
    [InlineData("fa", "0.5", "2")]
    [InlineData("he", "0.45", "1.8")]
    [InlineData("ja", "0.23", "0.9")]
    [InlineData("ko", "0.28", "1.1")]
    [InlineData("tr", "0.53", "2.1")]
    [InlineData("sw", "0.55", "2.2")]
    public void Length_expects_each_languages_usual_expansion_over_english(string language, string low, string high) =>
        Assert.EndsWith($"from en to {language} between {low} and {high} is usual. Is something missing or added?",
            Assert.Single(Run<LengthCheck>(new string('s', 60), new string('t', 600), to: language)), StringComparison.Ordinal);
}
