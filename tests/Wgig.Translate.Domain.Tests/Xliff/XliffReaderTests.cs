using System.Xml.Linq;
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
    public void Unit_ids_are_unique_within_a_file() =>
        Assert.Contains("the unit or group id 'u' is not unique", Problem("""
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en"><file id="f">
            <unit id="u"><segment><source>a</source></segment></unit>
            <group id="g"><unit id="u"><segment><source>b</source></segment></unit></group></file></xliff>
            """), StringComparison.Ordinal);

    [Fact]
    public void Translate_toolkit_po2xliff_output_is_read_as_1_2_with_our_keys_back_as_unit_ids()
    {
        // What po2xliff 3.8 writes for a PO made by xliff2po from our export: the 1.1 name, fresh ids,
        // a PO header unit, our keys as PO locations (an entry standing for two units with the same text).
        var po2xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
              <file original="paper.fr.po" source-language="en-US" datatype="plaintext">
                <body>
                  <trans-unit xml:space="preserve" id="2" approved="no" restype="x-gettext-domain-header"><source>Project-Id-Version: PACKAGE VERSION
            </source><target state="translated">Project-Id-Version: PACKAGE VERSION
            </target></trans-unit>
                  <trans-unit xml:space="preserve" id="3" approved="yes"><source>The WSIS met.</source>
                    <target state="translated">Le SMSI s'est réuni.</target>
                    <context-group name="po-reference" purpose="location"><context context-type="sourcefile">s1abc s9xyz</context></context-group>
                  </trans-unit>
                  <trans-unit xml:space="preserve" id="4" approved="no"><source>Second one.</source>
                    <context-group name="po-reference" purpose="location"><context context-type="sourcefile">s2def</context></context-group>
                  </trans-unit>
                </body>
              </file>
            </xliff>
            """;

        var read = XliffReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(po2xliff)));

        Assert.True(read.Succeeded, read.Error?.Detail);
        Assert.Equal(("1.2", "po2xliff", "en-US"), (read.Value!.Version, read.Value.Dialect, read.Value.SourceLanguage));
        XNamespace x12 = XliffSchemas.Core12Namespace;
        Assert.Equal(["s1abc", "s9xyz", "s2def"], read.Value.Xml.Descendants(x12 + "trans-unit").Select(u => (string?)u.Attribute("id")));
        Assert.Equal("Le SMSI s'est réuni.", read.Value.Xml.Descendants(x12 + "trans-unit").ElementAt(1).Element(x12 + "target")!.Value);
    }

    [Fact]
    public void Other_xliff_1_1_files_are_still_refused() =>
        Assert.Contains("XLIFF 1.1 is not supported", Problem("""
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1"><file original="strings.resx" source-language="en" datatype="resx"><body/></file></xliff>
            """), StringComparison.Ordinal);

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
        Assert.Contains("line 2: the id of a segment, ignorable or source inline element 's1' is not unique (unique ids)", Problem("""
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en"><file id="f"><unit id="u"><segment id="s1"><source>A</source></segment>
            <segment id="s1"><source>B</source></segment></unit></file></xliff>
            """), StringComparison.Ordinal);
}
