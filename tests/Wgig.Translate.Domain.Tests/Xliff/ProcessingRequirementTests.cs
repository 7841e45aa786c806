using System.Text;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Domain.Tests.Xliff;

/// <summary>
/// Processing requirements of XLIFF 2.1 that neither the schema nor the OASIS files we hold test: one
/// broken unit per requirement, refused with the rule named, beside the valid form of the same unit.
/// docs/conformance.md lists each requirement with the test that proves it.
/// </summary>
public sealed class ProcessingRequirementTests
{
    private static string File(string unit) => $"""
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fr">
          <file id="f"><unit id="u1">{unit}</unit><unit id="u2"><segment><source>b</source></segment></unit></file>
        </xliff>
        """;

    private static Wgig.Translate.Domain.Common.Result<XliffDocument> Read(string unit) => XliffReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(File(unit))));

    public static TheoryData<string, string, string, string> Requirements => new()
    {
        {
            "subState needs state",
            """<segment subState="x:draft"><source>a</source><target>b</target></segment>""",
            """<segment state="translated" subState="x:draft"><source>a</source><target>b</target></segment>""",
            "segment '' has subState 'x:draft' but no state; subState is allowed only beside state (subState)"
        },
        {
            "translated needs a target",
            """<segment state="translated"><source>a</source></segment>""",
            """<segment state="initial"><source>a</source></segment>""",
            "segment '' is 'translated' but has no <target> (state)"
        },
        {
            "segment and inline ids share the unit",
            """<segment id="1"><source>a<ph id="1"/></source></segment>""",
            """<segment id="s1"><source>a<ph id="1"/></source></segment>""",
            "the id of a segment, ignorable or source inline element '1' is not unique (unique ids)"
        },
        {
            "a target id is its counterpart's or new",
            """<segment id="s1"><source>a<ph id="1"/></source><target>b<ph id="s1"/></target></segment>""",
            """<segment id="s1"><source>a<ph id="1"/></source><target>b<ph id="1"/></target></segment>""",
            "the target's <ph id=\"s1\"> takes the id of a <segment> of the unit; it must be its source counterpart's id or a new one (unique ids)"
        },
        {
            "canCopy no is not copied",
            """<segment><source><ph id="1" canCopy="no"/></source><target><ph id="1" canCopy="no"/><ph id="2" copyOf="1"/></target></segment>""",
            """<segment><source><ph id="1"/></source><target><ph id="1"/><ph id="2" copyOf="1"/></target></segment>""",
            "the code '1' has canCopy=\"no\", so it must not be copied (canCopy)"
        },
        {
            "dataRefStart and dataRefEnd together",
            """<originalData><data id="d1">&lt;b></data></originalData><segment><source><pc id="1" dataRefStart="d1">a</pc></source></segment>""",
            """<originalData><data id="d1">&lt;b></data><data id="d2">&lt;/b></data></originalData><segment><source><pc id="1" dataRefStart="d1" dataRefEnd="d2">a</pc></source></segment>""",
            "dataRefStart and dataRefEnd are used together on <pc>, never one alone (dataRefStart)"
        },
        {
            "subFlowsStart and subFlowsEnd together",
            """<segment><source><pc id="1" subFlowsStart="u2">a</pc></source></segment>""",
            """<segment><source><pc id="1" subFlowsStart="u2" subFlowsEnd="u2">a</pc></source></segment>""",
            "subFlowsStart and subFlowsEnd are used together on <pc>, never one alone (subFlowsStart)"
        },
        {
            "equivStart and equivEnd together",
            """<segment><source><pc id="1" equivStart="[">a</pc></source></segment>""",
            """<segment><source><pc id="1" equivStart="[" equivEnd="]">a</pc></source></segment>""",
            "equivStart and equivEnd are used together on <pc>, never one alone (equivStart)"
        },
        {
            "dir only on an isolated ec",
            """<segment><source><sc id="1"/>a<ec startRef="1" dir="rtl"/></source></segment>""",
            """<segment><source>a<ec id="2" isolated="yes" dir="rtl"/></source></segment>""",
            "dir is allowed on <ec> only when it is isolated=\"yes\" (otherwise its <sc> carries it) (dir)"
        },
        {
            "a generic annotation says translate",
            """<segment><source><mrk id="m1">a</mrk></source></segment>""",
            """<segment><source><mrk id="m1" translate="no">a</mrk></source></segment>""",
            "a generic <mrk> is a translate annotation and must have the translate attribute (translate)"
        },
        {
            "canReorder no follows firstNo",
            """<segment><source><ph id="1"/><ph id="2" canReorder="no" canCopy="no" canDelete="no"/></source></segment>""",
            """<segment><source><ph id="1" canReorder="firstNo" canCopy="no" canDelete="no"/><ph id="2" canReorder="no" canCopy="no" canDelete="no"/></source></segment>""",
            "<ph> has canReorder=\"no\" but does not follow a code of a sequence opened by canReorder=\"firstNo\" (canReorder)"
        },
        {
            "the end of a firstNo pair is no",
            """<segment><source><sc id="1" canReorder="firstNo" canCopy="no" canDelete="no"/>a<ec startRef="1" canReorder="firstNo" canCopy="no" canDelete="no"/></source></segment>""",
            """<segment><source><sc id="1" canReorder="firstNo" canCopy="no" canDelete="no"/>a<ec startRef="1" canReorder="no" canCopy="no" canDelete="no"/></source></segment>""",
            "<ec> and its <sc id=\"1\"> disagree on canReorder (canReorder)"
        },
        {
            "target inline ids are unique",
            """<segment><source>a<ph id="1"/></source><target>b<ph id="1"/><ph id="1"/></target></segment>""",
            """<segment><source>a<ph id="1"/></source><target>b<ph id="1"/><ph id="2" copyOf="1"/></target></segment>""",
            "the inline id in the target '1' is not unique (unique ids)"
        },
        {
            "an ec names an sc before it",
            """<segment><source>a<ec startRef="9"/></source></segment>""",
            """<segment><source><sc id="9"/>a<ec startRef="9"/></source></segment>""",
            "startRef '9' names no <sc> before it in the unit (ec)"
        },
        {
            "canDelete no stays in the target",
            """<segment><source>a<ph id="1" canDelete="no"/></source><target>b</target></segment>""",
            """<segment><source>a<ph id="1" canDelete="no"/></source><target>b<ph id="1" canDelete="no"/></target></segment>""",
            "the code '1' may not be deleted, but the target lacks it (canDelete)"
        },
        {
            "a target's order is within the unit",
            """<segment><source>a</source><target order="2">b</target></segment>""",
            """<segment><source>a</source><target order="1">b</target></segment>""",
            "order 2 is outside 1–1 (order)"
        },
        {
            "subFlows names units of the file",
            """<segment><source>a<ph id="1" subFlows="u2 u9 u8"/></source></segment>""",
            """<segment><source>a<ph id="1" subFlows="u2"/></source></segment>""",
            "subFlows names units the file does not have: u9, u8 (subFlows)"
        },
        {
            "cp is a code point",
            """<segment><source>a<cp hex="110000"/></source></segment>""",
            """<segment><source>a<cp hex="0001"/></source></segment>""",
            "'110000' is not a hexadecimal code point (cp)"
        },
    };

    [Theory]
    [MemberData(nameof(Requirements))]
    public void A_unit_breaking_the_requirement_is_refused_and_its_valid_form_is_read(string requirement, string broken, string valid, string violation)
    {
        var refused = Read(broken);
        var read = Read(valid);

        Assert.False(refused.Succeeded, $"{requirement}: the broken unit was read");
        Assert.Equal($"line 2: {violation}", Assert.Single(Assert.IsType<InvalidXliff>(refused.Error).Violations).ToString());
        Assert.True(read.Succeeded, $"{requirement}: the valid unit was refused: {read.Error?.Detail}");
    }

    // §4.3.1 id: a segment and every inline element of its source that has an id share one set of ids.
    [Theory]
    [InlineData("""<ph id="1"/>""")]
    [InlineData("""<pc id="1">b</pc>""")]
    [InlineData("""<sc id="1" isolated="yes"/>""")]
    [InlineData("""<ec id="1" isolated="yes"/>""")]
    [InlineData("""<mrk id="1" translate="no">b</mrk>""")]
    [InlineData("""<sm id="1" translate="no"/>b<em startRef="1"/>""")]
    public void Every_inline_element_with_an_id_shares_the_ids_of_the_segments(string inline) =>
        Assert.Equal("line 2: the id of a segment, ignorable or source inline element '1' is not unique (unique ids)",
            Assert.Single(Assert.IsType<InvalidXliff>(Read($"""<segment id="1"><source>a{inline}</source></segment>""").Error).Violations).ToString());

    [Theory]
    [InlineData("translated")]
    [InlineData("reviewed")]
    [InlineData("final")]
    public void A_segment_translated_reviewed_or_final_has_a_target(string state) =>
        Assert.Equal($"line 2: segment '' is '{state}' but has no <target> (state)",
            Assert.Single(Assert.IsType<InvalidXliff>(Read($"""<segment state="{state}"><source>a</source></segment>""").Error).Violations).ToString());

    // Appendix: Fragment Identification, the prefixes of the core and of the modules this reader knows.
    [Theory]
    [InlineData("f")]
    [InlineData("g")]
    [InlineData("u")]
    [InlineData("n")]
    [InlineData("d")]
    [InlineData("t")]
    [InlineData("mtc")]
    [InlineData("gls")]
    [InlineData("mda")]
    [InlineData("res")]
    [InlineData("ctr")]
    [InlineData("slr")]
    [InlineData("val")]
    [InlineData("fs")]
    [InlineData("itsm")]
    [InlineData("tbx")]
    public void Every_registered_fragment_prefix_may_be_referred_to(string prefix)
    {
        Assert.True(Read($"""<segment><source><mrk id="m1" type="term" ref="#{prefix}=x">a</mrk></source></segment>""").Succeeded);
        Assert.Equal($"line 2: ref '#{prefix}x=x': the prefix '{prefix}x' is not registered (fragment identifier)",
            Assert.Single(Assert.IsType<InvalidXliff>(Read($"""<segment><source><mrk id="m1" type="term" ref="#{prefix}x=x">a</mrk></source></segment>""").Error).Violations).ToString());
    }
}
