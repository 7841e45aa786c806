using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Tests.Segmentation;

public sealed class SentenceSegmenterTests
{
    private static string[] Split(string text, string language = "en") =>
        [.. SentenceSegmenter.Split(SegmentContent.FromText(text), language).Select(s => s.Content.PlainText)];

    [Theory]
    [InlineData("One. Two! Three? Four", new[] { "One.", "Two!", "Three?", "Four" })]
    [InlineData("Chaired by Mr. Nitin Desai. Next.", new[] { "Chaired by Mr. Nitin Desai.", "Next." })]
    [InlineData("Issues, e.g. spam, i.e. abuse. Done.", new[] { "Issues, e.g. spam, i.e. abuse.", "Done." })]
    [InlineData("See para. 13 and No. 5. Then Art. 2 applies.", new[] { "See para. 13 and No. 5.", "Then Art. 2 applies." })]
    [InlineData("Held on 24 - 26 June 2004. Version 1.2 is out.", new[] { "Held on 24 - 26 June 2004.", "Version 1.2 is out." })]
    [InlineData("He waited... and waited. Then left.", new[] { "He waited... and waited.", "Then left." })]
    [InlineData("It was “open and inclusive.” The WGIG agreed.", new[] { "It was “open and inclusive.”", "The WGIG agreed." })]
    [InlineData("(This is bracketed.) And this follows.", new[] { "(This is bracketed.)", "And this follows." })]
    [InlineData("J. R. Smith wrote it. He did.", new[] { "J. R. Smith wrote it.", "He did." })]
    [InlineData("Spam, fraud etc. are issues. Others etc. Then more.", new[] { "Spam, fraud etc. are issues.", "Others etc.", "Then more." })]
    [InlineData("the U.S. government. it goes on", new[] { "the U.S. government. it goes on" })]
    [InlineData("A webcast is at: http://streaming.polito.it/wgig-meeting. A report follows.", new[] { "A webcast is at: http://streaming.polito.it/wgig-meeting.", "A report follows." })]
    public void English_sentences_break_at_stops_but_not_at_abbreviations_numbers_or_initials(string text, string[] expected) =>
        Assert.Equal(expected, Split(text));

    // UN citations (paragraph, article, chapter, annex, section, volume, number, page and plurals) in each
    // of the six languages: a citation never ends a sentence; the sentence after it still starts one.
    [Theory]
    [InlineData("en", "See paras. 12–14 and para. 3 of annex II. It follows.")]
    [InlineData("en", "Under arts. 2 and 3, chap. IV, sect. B and subpara. (a) apply. It follows.")]
    [InlineData("en", "Official Records, vols. I–III, vol. 2, No. 5 and Nos. 6–7, p. 9, pp. 10–12. It follows.")]
    [InlineData("en", "See A/60/1 and Corr. 1, Add. 2, Suppl. No. 3, Ann. II, sec. 4 and Chap. 5. It follows.")]
    [InlineData("fr", "Voir par. 12, al. b, art. 5 et chap. IV. Ensuite.")]
    [InlineData("fr", "Documents officiels, vol. 2, t. 1, no. 5, nos. 6 et 7, p. 9, pp. 10 à 12, sect. B. Ensuite.")]
    [InlineData("es", "Véanse los párrs. 12 a 14, el párr. 3, el art. 5 y el cap. IV. Luego.")]
    [InlineData("es", "Documentos Oficiales, vol. 2, secc. B, núm. 5, núms. 6 y 7, pág. 9, págs. 10 a 12. Luego.")]
    [InlineData("ru", "См. п. 5, пп. 6–8, ст. 2, гл. IV и разд. 2. Далее.")]
    [InlineData("ru", "Официальные отчеты, т. 2, № 5, с. 9, прил. I, подп. a. Далее.")]
    [InlineData("ar", "انظر ص. 9 و ج. 2 من الوثيقة. ثم يتبع.")]
    [InlineData("ar", "انظر A/60/1, para. 5 في المرفق. ثم يتبع.")]
    [InlineData("zh", "见A/60/1号文件 para. 5 和 pp. 10–12. 然后。")]
    public void Citation_abbreviations_do_not_end_a_sentence(string language, string text)
    {
        var sentences = Split(text, language);

        Assert.Equal(2, sentences.Length);
        Assert.Equal(text, $"{sentences[0]} {sentences[1]}");
    }

    [Theory]
    [InlineData("en", "para")]
    [InlineData("en", "paras")]
    [InlineData("en", "arts")]
    [InlineData("en", "chap")]
    [InlineData("en", "sect")]
    [InlineData("en", "vols")]
    [InlineData("en", "Nos")]
    [InlineData("en", "pp")]
    [InlineData("fr", "par")]
    [InlineData("fr", "al")]
    [InlineData("fr", "no")]
    [InlineData("es", "párr")]
    [InlineData("es", "secc")]
    [InlineData("es", "núm")]
    [InlineData("es", "pág")]
    [InlineData("ru", "пп")]
    [InlineData("ru", "разд")]
    [InlineData("ru", "т")]
    [InlineData("ar", "ص")]
    public void Each_language_lists_its_citation_abbreviations_in_the_one_home(string language, string abbreviation) =>
        Assert.Contains(abbreviation, SegmentationRules.AbbreviationsOf(language));

    [Theory]
    [InlineData("en", "He read the map. Then more.")]
    [InlineData("en", "It was in the vol. Then more.", false)]
    [InlineData("ru", "Это текст. Далее.")]
    [InlineData("es", "Lo dijo Trump. Luego.")]
    public void An_abbreviation_ending_a_longer_word_is_no_abbreviation(string language, string text, bool breaks = true) =>
        Assert.Equal(breaks ? 2 : 1, Split(text, language).Length);

    [Fact]
    public void French_breaks_after_a_spaced_question_mark_and_closing_guillemets()
    {
        Assert.Equal(["Est-ce vrai ?", "Oui, dit M. Dupont."], Split("Est-ce vrai ? Oui, dit M. Dupont.", "fr"));
        Assert.Equal(["Il a dit « c’est fini. »", "Puis il est parti."], Split("Il a dit « c’est fini. » Puis il est parti.", "fr"));
    }

    [Fact]
    public void Spanish_keeps_its_abbreviations_and_breaks_before_inverted_marks() =>
        Assert.Equal(["La Sra. García habló.", "¿Quién más?", "¡Nadie!"], Split("La Sra. García habló. ¿Quién más? ¡Nadie!", "es"));

    [Fact]
    public void Russian_keeps_its_abbreviations() =>
        Assert.Equal(["Встреча в 2004 г. в Женеве, т.е. в Европе.", "Далее."], Split("Встреча в 2004 г. в Женеве, т.е. в Европе. Далее.", "ru"));

    [Fact]
    public void Arabic_breaks_at_its_question_mark_and_full_stop() =>
        Assert.Equal(["هل هذا صحيح؟", "نعم.", "انتهى"], Split("هل هذا صحيح؟ نعم. انتهى", "ar"));

    [Fact]
    public void Chinese_breaks_without_spaces() =>
        Assert.Equal(["工作组举行了会议。", "这是真的吗？", "是的！"], Split("工作组举行了会议。这是真的吗？是的！", "zh-Hans"));

    [Fact]
    public void The_space_between_sentences_is_kept_for_reassembly()
    {
        var sentences = SentenceSegmenter.Split(SegmentContent.FromText("One.  Two. Three."), "en");

        Assert.Equal(["  ", " ", ""], sentences.Select(s => s.SpaceAfter));
        Assert.Equal("One.  Two. Three.", string.Concat(sentences.Select(s => s.Content.CodedText + s.SpaceAfter)));
    }

    [Fact]
    public void A_closing_code_after_the_stop_stays_with_its_sentence_and_codes_are_renumbered()
    {
        var builder = new ContentBuilder();
        builder.Text("Intro ");
        var bold = builder.Open("bold", "**");
        builder.Text("Done.");
        builder.Close(bold, "bold", "**");
        builder.Text(" Next ");
        var italic = builder.Open("italic", "*");
        builder.Text("part");
        builder.Close(italic, "italic", "*");
        builder.Text(".");

        var sentences = SentenceSegmenter.Split(builder.Build(), "en");

        Assert.Equal(["Intro **Done.**", "Next *part*."], sentences.Select(s => s.Content.ToOriginal()));
        Assert.Equal([1, 1], sentences[1].Content.Codes.Select(c => c.Id));
    }

    [Fact]
    public void A_run_on_text_is_cut_at_spaces_into_pieces_a_volunteer_can_handle()
    {
        var text = string.Join(' ', Enumerable.Repeat("words", 2000)); // the longest length falls inside a word

        var sentences = SentenceSegmenter.Split(SegmentContent.FromText(text), "en");

        Assert.All(sentences, s => Assert.True(s.Content.CodedText.Length <= SentenceSegmenter.MaxSentenceLength));
        Assert.All(sentences, s => Assert.All(s.Content.CodedText.Split(' '), word => Assert.Equal("words", word))); // no word cut in two
        Assert.Equal(text, string.Concat(sentences.Select(s => s.Content.CodedText + s.SpaceAfter)));
    }

    [Fact]
    public void Every_language_in_the_rules_file_compiles_and_segments()
    {
        Assert.Superset(new HashSet<string> { "en", "fr", "es", "ru", "ar", "zh" }, SegmentationRules.Languages.ToHashSet());
        Assert.All(SegmentationRules.Languages, language => Assert.NotEmpty(Split("A. B.", language)));
    }

    [Fact]
    public void A_run_without_spaces_is_cut_at_the_longest_length()
    {
        var text = new string('x', SentenceSegmenter.MaxSentenceLength * 2 + 10);

        var sentences = SentenceSegmenter.Split(SegmentContent.FromText(text), "en");

        Assert.Equal([SentenceSegmenter.MaxSentenceLength, SentenceSegmenter.MaxSentenceLength, 10], sentences.Select(s => s.Content.CodedText.Length));
        Assert.Equal(text, string.Concat(sentences.Select(s => s.Content.CodedText + s.SpaceAfter)));
    }

    [Fact]
    public void White_space_around_a_block_is_not_a_sentence_and_what_follows_a_sentence_stays_with_it()
    {
        var sentences = SentenceSegmenter.Split(SegmentContent.FromText("  One.\tTwo. \n "), "en");

        Assert.Equal(["One.", "Two."], sentences.Select(s => s.Content.CodedText));
        Assert.Equal(["\t", " \n "], sentences.Select(s => s.SpaceAfter));
        Assert.Empty(SentenceSegmenter.Split(SegmentContent.FromText(" \t "), "en"));
    }

    [Fact]
    public void Spaces_before_a_piece_cut_from_a_run_on_text_stay_with_the_piece_before()
    {
        var text = new string('x', SentenceSegmenter.MaxSentenceLength - 1) + "   " + new string('y', 10);

        var sentences = SentenceSegmenter.Split(SegmentContent.FromText(text), "en");

        Assert.Equal([new string('x', SentenceSegmenter.MaxSentenceLength - 1), new string('y', 10)], sentences.Select(s => s.Content.CodedText));
        Assert.Equal(["   ", ""], sentences.Select(s => s.SpaceAfter));
    }

    [Theory]
    [InlineData("One. Two.\t", "\t")]
    [InlineData("One. Two.\u00A0", "\u00A0")]
    [InlineData("One. Two. ", " ")]
    [InlineData("One. Two.", "")]
    public void The_white_space_ending_a_block_is_kept_as_it_was(string text, string last) =>
        Assert.Equal(last, SentenceSegmenter.Split(SegmentContent.FromText(text), "en")[^1].SpaceAfter);

    [Fact]
    public void A_sentence_of_exactly_the_longest_length_is_not_cut()
    {
        var text = string.Join(' ', Enumerable.Repeat("x", SentenceSegmenter.MaxSentenceLength / 2)) + "y";

        Assert.Equal([text], Split(text));
    }
}
