using System.Text;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Tests.Checks;

namespace Wgig.Translate.Domain.Tests.Glossary;

public sealed class GlossaryTests
{
    [Theory]
    [InlineData("en", "stakeholder", "All Stakeholders' views were heard.")]
    [InlineData("en", "policy", "Public policies matter.")]
    [InlineData("fr", "société de l'information", "les sociétés de l’information")]
    [InlineData("fr", "acteur mondial", "des acteurs mondiaux")]
    [InlineData("es", "nación", "las Naciones Unidas")]
    [InlineData("es", "país en desarrollo", "los países en desarrollo")]
    [InlineData("ru", "информационное общество", "Всемирная встреча по вопросам информационного общества")]
    [InlineData("ru", "заинтересованная сторона", "все заинтересованные стороны")]
    [InlineData("ar", "إنترنت", "إدارة الإنترنت")]
    [InlineData("zh", "互联网治理", "关于互联网治理的报告")]
    public void Terms_are_found_by_word_forms(string language, string term, string text) =>
        Assert.Single(new PhraseMatcher<string>(language, [(term, term)]).Find(text));

    [Theory]
    [InlineData("en", "governance", "The government met.")]
    [InlineData("fr", "acteur", "Les actrices sont venues.")]
    [InlineData("ru", "сеть", "Сетевой нейтралитет")]
    public void Other_words_are_not_matched(string language, string term, string text) =>
        Assert.Empty(new PhraseMatcher<string>(language, [(term, term)]).Find(text));

    [Fact]
    public void The_longer_term_wins_where_two_overlap()
    {
        var index = new TermIndex([CheckRunner.Entry("Information Society"), CheckRunner.Entry("World Summit on the Information Society")], "en", "fr");

        var match = Assert.Single(index.Find("The World Summit on the Information Society met."));

        Assert.Equal(("World Summit on the Information Society", 4, 39), (match.SourceTerm.Text, match.Start, match.Length));
    }

    [Fact]
    public void An_entry_needs_a_source_term_and_valid_terms_and_says_every_problem()
    {
        var created = GlossaryEntry.Create(Guid.Empty, "en", new GlossaryEntryDraft(null, null, false,
            [new("fr", "partie prenante", "best"), new("xx-!!", ""), new("fr", "Partie  prenante", PartOfSpeech: "gerund")]), null, DateTimeOffset.UnixEpoch);

        var errors = Assert.IsAssignableFrom<Common.InvalidInputError>(created.Error).Errors;
        Assert.Equal(["terms[0].status", "terms[1].language", "terms[1].text", "terms[2].partOfSpeech", "terms[2]", "terms"], errors.Keys);
    }

    [Fact]
    public void Tbx_written_reads_back_the_same()
    {
        var entries = new[]
        {
            GlossaryEntry.Create(Guid.Empty, "en", new GlossaryEntryDraft("Those with an interest.", "UN usage", false,
                [new("en", "stakeholder", PartOfSpeech: "noun"), new("fr", "partie prenante"), new("fr", "acteur", "admitted", Note: "older texts"), new("fr", "intervenant", "forbidden")]),
                null, DateTimeOffset.UnixEpoch).Value!,
            CheckRunner.KeepAsIs("WSIS"),
        };
        using var tbx = new MemoryStream();
        Tbx.Write(tbx, "en", "Test", entries);
        tbx.Position = 0;

        var drafts = Tbx.Read(tbx);

        Assert.Equal(2, drafts.Count);
        Assert.Equal(("Those with an interest.", "UN usage", false), (drafts[0].Definition, drafts[0].Note, drafts[0].DoNotTranslate));
        Assert.Equal(["en stakeholder noun preferredTerm-admn-sts", "fr partie prenante  preferredTerm-admn-sts", "fr acteur  admittedTerm-admn-sts", "fr intervenant  deprecatedTerm-admn-sts"],
            drafts[0].Terms!.Select(t => $"{t.Language} {t.Text} {t.PartOfSpeech} {t.Status}"));
        Assert.Equal("older texts", drafts[0].Terms![2].Note);
        Assert.True(drafts[1].DoNotTranslate);
    }

    [Fact]
    public void Tbx_3_in_dca_style_is_read_too()
    {
        const string tbx = """
            <?xml version="1.0"?>
            <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
              <text><body>
                <conceptEntry id="c1">
                  <descrip type="definition">A meeting of heads of state.</descrip>
                  <langSec xml:lang="en"><termSec><term>summit</term><termNote type="partOfSpeech">noun</termNote></termSec></langSec>
                  <langSec xml:lang="es"><termSec><term>cumbre</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
                </conceptEntry>
              </body></text>
            </tbx>
            """;

        var draft = Assert.Single(Tbx.Read(new MemoryStream(Encoding.UTF8.GetBytes(tbx))));

        Assert.Equal("A meeting of heads of state.", draft.Definition);
        Assert.Equal(["en summit noun", "es cumbre "], draft.Terms!.Select(t => $"{t.Language} {t.Text} {t.PartOfSpeech}"));
    }

    [Fact]
    public void Csv_round_trips_and_a_hand_written_file_without_entry_column_groups_rows_by_source_term()
    {
        var entry = GlossaryEntry.Create(Guid.Empty, "en", new GlossaryEntryDraft("Said, \"with quotes\"\nand a line.", null, false,
            [new("en", "stakeholder"), new("fr", "partie prenante"), new("fr", "intervenant", "forbidden")]), null, DateTimeOffset.UnixEpoch).Value!;
        using var csv = new MemoryStream();
        GlossaryCsv.Write(csv, [entry]);
        csv.Position = 0;

        var (drafts, problem) = GlossaryCsv.Read(csv, "en");

        Assert.Null(problem);
        Assert.Equal(entry.Definition, Assert.Single(drafts).Definition);
        Assert.Equal(["en stakeholder", "fr partie prenante", "fr intervenant"], drafts[0].Terms!.Select(t => $"{t.Language} {t.Text}"));

        var (byHand, _) = GlossaryCsv.Read(new MemoryStream("language,term,status\nen,summit,\nes,cumbre,\nen,Internet governance,\nfr,gouvernance de l'Internet,preferred\n"u8.ToArray()), "en");
        Assert.Equal([2, 2], byHand.Select(d => d.Terms!.Count));
        Assert.Equal("A header naming language and term", GlossaryCsv.Read(new MemoryStream("a,b\n1,2\n"u8.ToArray()), "en").Problem is { } p && p.Contains("'language' and 'term'", StringComparison.Ordinal) ? "A header naming language and term" : "no problem");
    }
}
