using System.Text;
using System.Xml.Linq;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Memory.Tmx;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Tests.Checks;

namespace Wgig.Translate.Domain.Tests.Memory;

public sealed class TmxTests
{
    [Fact]
    public void Our_tmx_reads_back_with_its_codes_context_and_dates()
    {
        var source = CheckRunner.Source("See {l1}the {i2}report{/i2}{/l1}{x3} and {b4}more");
        var entry = MemoryEntry.Create(Guid.NewGuid(), "en", "fr", source, CheckRunner.Target(source, "Voir {l1}le {i2}rapport{/i2}{/l1}{x3} et {b4}plus"),
            MemoryText.ContextOf("before", "after"), MemoryOrigin.Approval, new DateTimeOffset(2005, 11, 18, 10, 30, 0, TimeSpan.Zero))!;
        using var output = new MemoryStream();
        using (var writer = new TmxWriter(output, "en", DateTimeOffset.UnixEpoch))
        {
            writer.Write(entry, "Ana <ana@x>");
        }

        var xml = XDocument.Parse(Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal("1.4", (string?)xml.Root!.Attribute("version"));
        Assert.Equal(["bpt", "bpt", "ept", "ept", "ph", "it"], xml.Descendants("tuv").First().Descendants().Skip(1).Select(e => e.Name.LocalName));

        output.Position = 0;
        var unit = Assert.Single(TmxReader.Read(output));
        Assert.Equal(["en", "fr"], unit.Variants.Select(v => v.Language));
        Assert.Equal(entry.SourceContent.CodedText, unit.Variants[0].Content.CodedText);
        Assert.Equal(entry.Codes.Select(c => (c.Id, c.Kind, c.Type, c.Data)), unit.Variants[0].Content.Codes.Select(c => (c.Id, c.Kind, c.Type, c.Data)));
        Assert.Equal(entry.ContextKey!.Value.ToString("N"), unit.Properties[TmxWriter.ContextProperty]);
        Assert.Equal(("Ana <ana@x>", entry.UpdatedAt), (unit.Author, unit.Changed));
    }

    [Fact]
    public void OmegaT_tags_in_its_text_become_codes_and_its_doctype_is_not_fetched()
    {
        const string tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx11.dtd">
            <tmx version="1.1">
              <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0" segtype="sentence" srclang="EN-US"/>
              <body>
                <tu>
                  <tuv lang="EN-US"><seg>The &lt;g0&gt;WSIS&lt;/g0&gt; met.&lt;x1/&gt;</seg></tuv>
                  <tuv lang="FR-FR" changeid="ana" changedate="20261128T205036Z"><seg>Le &lt;g0&gt;SMSI&lt;/g0&gt; s'est réuni.&lt;x1/&gt;</seg></tuv>
                </tu>
              </body>
            </tmx>
            """;

        var unit = Assert.Single(TmxReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(tmx))));

        Assert.Equal(("EN-US", "FR-FR", "ana"), (unit.Variants[0].Language, unit.Variants[1].Language, unit.Author));
        Assert.Equal([CodeKind.Open, CodeKind.Close, CodeKind.Standalone], unit.Variants[1].Content.Codes.Select(c => c.Kind));
        Assert.Equal("Le SMSI s'est réuni.", unit.Variants[1].Content.PlainText);
    }
}
