using System.Xml.Linq;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Tests.Checks;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Domain.Tests.Xliff;

public sealed class XliffGlossaryTests
{
    private static readonly TermIndex Terms = new(
    [
        GlossaryEntry.Create(Guid.NewGuid(), "en", new GlossaryEntryDraft("Those with an interest in the outcome.", null, false,
            [new("en", "stakeholder"), new("fr", "partie prenante"), new("fr", "acteur", "admitted"), new("fr", "intervenant", "forbidden")]), null, DateTimeOffset.UnixEpoch).Value!,
        CheckRunner.KeepAsIs("WSIS"),
        CheckRunner.Entry("report"),
    ], "en", "fr");

    private static XliffUnit Unit(string text) => new("u1", CheckRunner.Source(text), Terms: Terms.Find(CheckRunner.Source(text).PlainText));

    [Theory]
    [InlineData("2.1")]
    [InlineData("2.0")]
    public void The_terms_of_each_unit_go_to_the_glossary_module_and_the_file_stays_valid(string version)
    {
        using var output = new MemoryStream();
        using (var writer = new Xliff2Writer(output, "en", "fr", version))
        {
            writer.StartFile("f1");
            writer.WriteUnit(Unit("The {b1}WSIS{/b1} heard every stakeholder's report."));
        }
        output.Position = 0;

        var read = XliffReader.Read(output);

        Assert.True(read.Succeeded, read.Error?.Detail);
        XNamespace gls = Xliff2Writer.GlossaryNamespace;
        var entries = read.Value!.Xml.Descendants(gls + "glossEntry").ToList();
        Assert.Equal(["WSIS: WSIS", "stakeholder: partie prenante | acteur"],
            entries.Select(e => $"{e.Element(gls + "term")!.Value}: {string.Join(" | ", e.Elements(gls + "translation").Select(t => t.Value))}"));
        Assert.Equal("Those with an interest in the outcome.", entries[1].Element(gls + "definition")!.Value);
        // The module comes first in the unit, before notes and original data (XLIFF 2 core schema order).
        Assert.Equal(gls + "glossary", read.Value.Xml.Descendants((XNamespace)Xliff2Writer.Namespace + "unit").Single().Elements().First().Name);
    }

    [Fact]
    public void Xliff_1_2_carries_the_terms_as_notes_from_the_glossary()
    {
        using var output = new MemoryStream();
        using (var writer = new Xliff12Writer(output, "en", "fr"))
        {
            writer.StartFile("f1");
            writer.WriteUnit(Unit("The WSIS heard every stakeholder."));
        }
        output.Position = 0;

        var read = XliffReader.Read(output);

        Assert.True(read.Succeeded, read.Error?.Detail);
        Assert.Equal(["WSIS: do not translate", "stakeholder: partie prenante; acteur (admitted); not: intervenant (Those with an interest in the outcome.)"],
            read.Value!.Xml.Descendants((XNamespace)XliffSchemas.Core12Namespace + "note").Where(n => (string?)n.Attribute("from") == "glossary").Select(n => n.Value));
    }
}
