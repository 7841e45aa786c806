using System.Text;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Domain.Tests.Xliff;

public sealed class XliffReaderTests
{
    private static string Problem(string xml, XliffReadLimits? limits = null) =>
        Assert.IsType<InvalidXliff>(XliffReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), limits).Error).Detail;

    private const string Minimal2 = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr">
          <file id="f1"><unit id="u1"><segment><source>Hello</source><target>Bonjour</target></segment></unit></file>
        </xliff>
        """;

    [Fact]
    public void A_minimal_xliff_2_1_file_is_read_with_its_languages()
    {
        var document = XliffReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Minimal2))).Value!;

        Assert.Equal(("2.1", "en", "fr"), (document.Version, document.SourceLanguage, document.TargetLanguage));
    }

    [Fact]
    public void An_xliff_1_2_file_is_read_against_the_strict_schema()
    {
        var document = XliffReader.Read(new MemoryStream("""
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
              <file original="report.md" source-language="en" target-language="fr" datatype="plaintext">
                <body><trans-unit id="u1"><source>Hello</source><target state="translated">Bonjour</target></trans-unit></body>
              </file>
            </xliff>
            """u8.ToArray())).Value!;

        Assert.Equal(("1.2", "en", "fr"), (document.Version, document.SourceLanguage, document.TargetLanguage));
    }

    [Fact]
    public void External_entities_are_refused_before_anything_is_resolved() =>
        Assert.Contains("DTDs are not allowed", Problem("""
            <?xml version="1.0"?>
            <!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en"><file id="f"><unit id="u"><segment><source>&xxe;</source></segment></unit></file></xliff>
            """), StringComparison.Ordinal);

    [Fact]
    public void Entity_expansion_bombs_are_refused() =>
        Assert.Contains("DTDs are not allowed", Problem("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en"><file id="f"><unit id="u"><segment><source>&lol3;</source></segment></unit></file></xliff>
            """), StringComparison.Ordinal);

    [Theory]
    [InlineData("urn:oasis:names:tc:xliff:document:1.1", "1.1", "XLIFF 1.1 is not supported")]
    [InlineData("urn:example:not-xliff", "2.1", "is not an XLIFF namespace")]
    [InlineData("urn:oasis:names:tc:xliff:document:2.0", "1.2", "does not match the namespace")]
    public void Wrong_namespaces_and_versions_are_named(string ns, string version, string problem) =>
        Assert.Contains(problem, Problem($"""<xliff xmlns="{ns}" version="{version}" srcLang="en"/>"""), StringComparison.Ordinal);

    [Fact]
    public void Depth_and_size_limits_hold() =>
        Assert.Contains("nested more than 64 levels", Problem(
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\">" +
            string.Concat(Enumerable.Repeat("<x:a xmlns:x=\"urn:x\">", 100)) + string.Concat(Enumerable.Repeat("</x:a>", 100)) + "</xliff>"),
            StringComparison.Ordinal);

    [Fact]
    public void Invalid_utf8_is_a_problem_not_a_crash() =>
        Assert.NotEmpty(Assert.IsType<InvalidXliff>(XliffReader.Read(new MemoryStream(
            [.. "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\"><file id=\"f\"><unit id=\"u\"><segment><source>"u8, 0xC3, 0x28, .. "</source></segment></unit></file></xliff>"u8])).Error).Violations);

    [Fact]
    public void Violations_say_the_line_and_the_rule() =>
        Assert.Contains("line 2: the segment/ignorable id 's1' is not unique (unique ids)", Problem("""
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en"><file id="f"><unit id="u"><segment id="s1"><source>A</source></segment>
            <segment id="s1"><source>B</source></segment></unit></file></xliff>
            """), StringComparison.Ordinal);
}
