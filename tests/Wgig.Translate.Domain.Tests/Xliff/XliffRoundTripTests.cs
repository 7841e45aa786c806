using System.Text;
using CsCheck;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Domain.Tests.Xliff;

/// <summary>Whatever we write, we read back: text and codes, in XLIFF 2.1 and 1.2.</summary>
public sealed class XliffRoundTripTests
{
    // Characters that trip XML writers and readers: markup, quotes, a surrogate pair, bidi marks, tabs, CJK.
    private static readonly string[] Awkward = ["a", "Z", " ", "  ", "\t", "<", ">", "&", "\"", "'", "😀", "\u200F", "\u202E", "é", "中", "]]>", "&amp;"];

    private static readonly Gen<string> AwkwardText = Gen.Int[0, Awkward.Length - 1].Select(i => Awkward[i]).Array[0, 6].Select(string.Concat);

    /// <summary>Random content: text runs, placeholders and properly nested pairs of codes.</summary>
    private static readonly Gen<SegmentContent> Content = Gen.Int[0, 3].SelectMany(depth => Build(depth)).Select(parts =>
    {
        var text = new StringBuilder();
        var codes = new List<InlineCode>();
        var nextId = 1;
        foreach (var part in parts)
        {
            switch (part)
            {
                case ('t', var value, _):
                    text.Append(value);
                    break;
                case ('p', var data, _):
                    text.Append(SegmentContent.MarkerFor(codes.Count));
                    codes.Add(new InlineCode(nextId++, CodeKind.Standalone, "code", data));
                    break;
                case ('o', var data, var pair):
                    text.Append(SegmentContent.MarkerFor(codes.Count));
                    codes.Add(new InlineCode(1000 + pair, CodeKind.Open, "bold", data));
                    break;
                case ('c', var data, var pair):
                    text.Append(SegmentContent.MarkerFor(codes.Count));
                    codes.Add(new InlineCode(1000 + pair, CodeKind.Close, "bold", data));
                    break;
            }
        }
        return new SegmentContent(text.ToString(), codes);
    });

    private static Gen<List<(char Kind, string Value, int Pair)>> Build(int depth) =>
        Gen.Int[0, 4].SelectMany(count => Gen.Select(
            AwkwardText.Array[count + 1],
            Gen.Int[0, 2].Array[count],
            AwkwardText.Array[count],
            (texts, kinds, data) =>
            {
                var parts = new List<(char, string, int)>();
                var pair = 0;
                for (var i = 0; i < count; i++)
                {
                    parts.Add(('t', texts[i], 0));
                    if (kinds[i] == 0 || depth == 0)
                    {
                        parts.Add(('p', data[i], 0));
                    }
                    else
                    {
                        pair++;
                        parts.Add(('o', data[i] + "<", pair));
                        parts.Add(('t', texts[i], 0));
                        parts.Add(('c', "</" + data[i], pair));
                    }
                }
                parts.Add(('t', texts[count], 0));
                return parts;
            }));

    [Theory]
    [InlineData("2.1")]
    [InlineData("1.2")]
    public void Every_content_written_is_read_back_with_its_codes(string version)
    {
        Content.Sample(content =>
        {
            using var output = new MemoryStream();
            using (IXliffWriter writer = version == "1.2" ? new Xliff12Writer(output, "en", "fr") : new Xliff2Writer(output, "en", "fr"))
            {
                writer.StartFile("f1");
                writer.WriteUnit(new XliffUnit("u1", content, content, TargetState.Translated));
            }
            output.Position = 0;
            var document = XliffReader.Read(output);
            Assert.True(document.Succeeded, document.Error?.Detail);

            var target = Assert.Single(XliffTargets.Read(document.Value!, _ => content));

            Assert.Null(target.Problem);
            Assert.Equal(content.CodedText, target.Target!.CodedText);
        }, iter: 300);
    }

    [Fact]
    public void A_target_with_a_code_the_source_lacks_is_refused_by_name()
    {
        var source = new SegmentContent($"A {SegmentContent.MarkerFor(0)} B", [new InlineCode(1, CodeKind.Standalone, "code", "`x`")]);
        var xml = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr"><file id="f"><unit id="u1">
            <originalData><data id="d1">`x`</data></originalData>
            <segment><source>A <ph id="1" dataRef="d1"/> B</source><target>A <ph id="2" dataRef="d1"/> B</target></segment></unit></file></xliff>
            """;
        var document = XliffReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml))).Value!;

        var target = Assert.Single(XliffTargets.Read(document, _ => source));

        Assert.Equal("the code '2' (Standalone) is not a code of the source", target.Problem);
    }

    [Fact]
    public void A_unit_split_by_a_tool_is_joined_back_in_target_order()
    {
        var source = SegmentContent.FromText("One. Two.");
        var xml = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr"><file id="f"><unit id="u1">
            <segment id="a"><source>One.</source><target order="3">Un.</target></segment><ignorable><source> </source></ignorable>
            <segment id="b"><source>Two.</source><target order="1">Deux.</target></segment></unit></file></xliff>
            """;
        var document = XliffReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml))).Value!;

        Assert.Equal("Deux. Un.", Assert.Single(XliffTargets.Read(document, _ => source)).Target!.CodedText);
    }

    [Fact]
    public void A_target_for_an_older_source_is_refused()
    {
        var document = XliffReader.Read(new MemoryStream("""
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr"><file id="f"><unit id="u1">
            <segment><source>Old text.</source><target>Ancien texte.</target></segment></unit></file></xliff>
            """u8.ToArray())).Value!;

        Assert.Contains("differs from the current source", Assert.Single(XliffTargets.Read(document, _ => SegmentContent.FromText("New text."))).Problem, StringComparison.Ordinal);
    }
}
