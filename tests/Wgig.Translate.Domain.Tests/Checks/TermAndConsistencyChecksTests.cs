using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Glossary;
using static Wgig.Translate.Domain.Tests.Checks.CheckRunner;

namespace Wgig.Translate.Domain.Tests.Checks;

public sealed class TermAndConsistencyChecksTests
{
    private static readonly GlossaryEntry Summit = Entry("World Summit on the Information Society",
        ("fr", "Sommet mondial sur la société de l’information", TermStatus.Preferred),
        ("es", "Cumbre Mundial sobre la Sociedad de la Información", TermStatus.Preferred),
        ("ru", "Всемирная встреча на высшем уровне по вопросам информационного общества", TermStatus.Preferred));

    private static readonly GlossaryEntry Stakeholder = Entry("stakeholder",
        ("fr", "partie prenante", TermStatus.Preferred), ("fr", "acteur", TermStatus.Admitted), ("fr", "intervenant", TermStatus.Forbidden),
        ("ru", "заинтересованная сторона", TermStatus.Preferred));

    private static readonly GlossaryEntry Wsis = KeepAsIs("WSIS");

    [Theory]
    [InlineData("The World Summit on the Information Society met.", "Le Sommet mondial sur la Société de l’information s’est réuni.", "fr")]
    [InlineData("The World Summit on the Information Society met.", "La Cumbre Mundial sobre la Sociedad de la Información se reunió.", "es")]
    [InlineData("All stakeholders agreed.", "Toutes les parties prenantes étaient d’accord.", "fr")]
    [InlineData("All stakeholders agreed.", "Tous les acteurs étaient d’accord.", "fr")]
    [InlineData("All stakeholders agreed.", "Все заинтересованные стороны согласились.", "ru")]
    [InlineData("The WSIS met.", "Le WSIS s’est réuni.", "fr")]
    [InlineData("Nothing of the glossary here.", "Rien du glossaire ici.", "fr")]
    public void Glossary_passes_when_a_preferred_or_admitted_form_is_used(string source, string target, string language) =>
        Assert.Empty(Run<GlossaryCheck>(source, target, to: language, glossary: [Summit, Stakeholder, Wsis]));

    [Theory]
    [InlineData("All stakeholders agreed.", "Tous les intervenants étaient d’accord.", "fr", "“partie prenante” / “acteur”")]
    [InlineData("The World Summit on the Information Society met.", "La Cumbre de Ginebra se reunió.", "es", "“Cumbre Mundial sobre la Sociedad de la Información”")]
    [InlineData("The WSIS met.", "Le SMSI s’est réuni.", "fr", "is not to be translated")]
    public void Glossary_fails_when_the_glossarys_rendering_is_not_used(string source, string target, string language, string expected) =>
        Assert.Contains(expected, Assert.Single(Run<GlossaryCheck>(source, target, to: language, glossary: [Summit, Stakeholder, Wsis])), StringComparison.Ordinal);

    [Fact]
    public void Glossary_names_a_term_once_however_often_the_source_uses_it() =>
        Assert.Equal(["“stakeholder” is rendered “partie prenante” / “acteur” in the glossary."],
            Run<GlossaryCheck>("The stakeholders met other stakeholders.", "Les intervenants ont rencontré d’autres intervenants.", glossary: [Stakeholder]));

    [Fact]
    public void Glossary_asks_for_nothing_where_it_only_forbids_terms_in_the_target_language() =>
        Assert.Empty(Run<GlossaryCheck>("All stakeholders agreed.", "Todos los interesados estuvieron de acuerdo.", to: "es",
            glossary: [Entry("stakeholder", ("es", "interesado", TermStatus.Forbidden))]));

    [Fact]
    public void Forbidden_term_names_a_term_once_however_often_it_is_used_and_each_forbidden_term() =>
        Assert.Equal(["“intervenants” is a forbidden term; use “partie prenante” / “acteur”.", "“l’organe” is a forbidden term."],
            Run<ForbiddenTermCheck>("The stakeholders met other stakeholders of the body.", "Les intervenants ont rencontré d’autres intervenants de l’organe.",
                glossary: [Stakeholder, Entry("body", ("fr", "organe", TermStatus.Forbidden))]));

    [Theory]
    [InlineData("All stakeholders agreed.", "Toutes les parties prenantes étaient d’accord.")]
    [InlineData("The group met.", "Le groupe s’est réuni.")]
    public void Forbidden_term_passes_when_none_is_used(string source, string target) =>
        Assert.Empty(Run<ForbiddenTermCheck>(source, target, glossary: [Stakeholder]));

    [Theory]
    [InlineData("All stakeholders agreed.", "Tous les Intervenants étaient d’accord.", "“Intervenants” is a forbidden term; use “partie prenante” / “acteur”.")]
    [InlineData("The group met.", "L’intervenant s’est exprimé.", "“L’intervenant” is a forbidden term.")]
    public void Forbidden_term_fails_in_any_form_and_says_what_to_use(string source, string target, string expected) =>
        Assert.Equal(expected, Assert.Single(Run<ForbiddenTermCheck>(source, target, glossary: [Stakeholder])));

    [Theory]
    [InlineData("The group met.", "Le groupe s’est réuni.", "fr")]
    [InlineData("WSIS", "WSIS", "ru")]
    [InlineData("ICANN, ITU", "ICANN, ITU", "zh")]
    [InlineData("www.wgig.org", "www.wgig.org", "es")]
    [InlineData("2004–2005", "2004–2005", "ar")]
    public void Untranslated_passes_for_translations_and_for_names_kept_in_every_language(string source, string target, string language) =>
        Assert.Empty(Run<UntranslatedCheck>(source, target, to: language, glossary: [Wsis]));

    [Theory]
    [InlineData("The group met.", "The group met.", "fr")]
    [InlineData("The {b1}group{/b1} met.", "the group  met.", "ar")]
    public void Untranslated_fails_when_the_source_is_copied(string source, string target, string language) =>
        Assert.Single(Run<UntranslatedCheck>(source, target, to: language));

    [Fact]
    public void Untranslated_passes_for_a_longer_name_kept_as_is_that_holds_a_shorter_one() =>
        Assert.Empty(Run<UntranslatedCheck>("WSIS Forum", "WSIS Forum", glossary: [Wsis, KeepAsIs("WSIS Forum")]));

    [Fact]
    public void Untranslated_passes_for_an_address_that_holds_a_term_kept_as_is() =>
        Assert.Empty(Run<UntranslatedCheck>("info@forum.org", "info@forum.org", glossary: [KeepAsIs("forum")]));

    [Theory]
    [InlineData("WSIS, see www.wgig.org", "WSIS, see www.wgig.org", "fr")]
    [InlineData("WSIS Forum", "WSIS Forum", "fr")]
    public void Untranslated_fails_when_a_word_besides_names_and_addresses_is_copied(string source, string target, string language) =>
        Assert.Equal("The translation is the same as the source.", Assert.Single(Run<UntranslatedCheck>(source, target, to: language, glossary: [Wsis])));

    [Theory]
    [InlineData("Le groupe s’est réuni.", new[] { "Le groupe s’est réuni." })]
    [InlineData("Le groupe s’est réuni.", new[] { "le groupe  s’est réuni." })]
    [InlineData("Le groupe s’est réuni.", new string[0])]
    public void Consistency_passes_when_the_same_source_is_translated_alike(string target, string[] others) =>
        Assert.Empty(Run<ConsistencyCheck>("The group met.", target, others: others));

    [Fact]
    public void Consistency_names_a_translation_used_twice_elsewhere_once() =>
        Assert.Equal("The same source is translated differently elsewhere in the project: “Le groupe a siégé.”.",
            Assert.Single(Run<ConsistencyCheck>("The group met.", "Le groupe s’est réuni.", others: ["Le groupe a siégé.", "Le groupe a siégé."])));

    [Fact]
    public void Consistency_fails_when_the_same_source_is_translated_otherwise_elsewhere() =>
        Assert.Equal("The same source is translated differently elsewhere in the project: “Le groupe a siégé.” and 1 more.",
            Assert.Single(Run<ConsistencyCheck>("The group met.", "Le groupe s’est réuni.", others: ["Le groupe a siégé.", "Le groupe s’est rencontré.", "Le groupe s’est réuni."])));

    [Theory]
    [InlineData("  The group met. ", "the GROUP  met.")]
    [InlineData("The group met.", "The group met")]
    [InlineData("ab", "a b")]
    [InlineData("", "  ")]
    [InlineData("a", "")]
    [InlineData("اجتمع الفريقُ", "اجتمع  الفريق")]
    [InlineData("aujourd’hui", "Aujourd'hui")]
    [InlineData("Ёлка", "елка")]
    public void Texts_read_side_by_side_are_the_same_exactly_when_their_folded_forms_are(string a, string b) =>
        Assert.Equal(CheckInput.Folded(a) == CheckInput.Folded(b), CheckInput.FoldedEquals(a, b));
}
