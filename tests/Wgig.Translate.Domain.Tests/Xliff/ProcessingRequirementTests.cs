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
            "(subState)"
        },
        {
            "translated needs a target",
            """<segment state="translated"><source>a</source></segment>""",
            """<segment state="initial"><source>a</source></segment>""",
            "(state)"
        },
        {
            "segment and inline ids share the unit",
            """<segment id="1"><source>a<ph id="1"/></source></segment>""",
            """<segment id="s1"><source>a<ph id="1"/></source></segment>""",
            "(unique ids)"
        },
        {
            "a target id is its counterpart's or new",
            """<segment id="s1"><source>a<ph id="1"/></source><target>b<ph id="s1"/></target></segment>""",
            """<segment id="s1"><source>a<ph id="1"/></source><target>b<ph id="1"/></target></segment>""",
            "(unique ids)"
        },
        {
            "canCopy no is not copied",
            """<segment><source><ph id="1" canCopy="no"/></source><target><ph id="1" canCopy="no"/><ph id="2" copyOf="1"/></target></segment>""",
            """<segment><source><ph id="1"/></source><target><ph id="1"/><ph id="2" copyOf="1"/></target></segment>""",
            "(canCopy)"
        },
        {
            "dataRefStart and dataRefEnd together",
            """<originalData><data id="d1">&lt;b></data></originalData><segment><source><pc id="1" dataRefStart="d1">a</pc></source></segment>""",
            """<originalData><data id="d1">&lt;b></data><data id="d2">&lt;/b></data></originalData><segment><source><pc id="1" dataRefStart="d1" dataRefEnd="d2">a</pc></source></segment>""",
            "(dataRefStart)"
        },
        {
            "subFlowsStart and subFlowsEnd together",
            """<segment><source><pc id="1" subFlowsStart="u2">a</pc></source></segment>""",
            """<segment><source><pc id="1" subFlowsStart="u2" subFlowsEnd="u2">a</pc></source></segment>""",
            "(subFlowsStart)"
        },
        {
            "equivStart and equivEnd together",
            """<segment><source><pc id="1" equivStart="[">a</pc></source></segment>""",
            """<segment><source><pc id="1" equivStart="[" equivEnd="]">a</pc></source></segment>""",
            "(equivStart)"
        },
        {
            "dir only on an isolated ec",
            """<segment><source><sc id="1"/>a<ec startRef="1" dir="rtl"/></source></segment>""",
            """<segment><source>a<ec id="2" isolated="yes" dir="rtl"/></source></segment>""",
            "(dir)"
        },
        {
            "a generic annotation says translate",
            """<segment><source><mrk id="m1">a</mrk></source></segment>""",
            """<segment><source><mrk id="m1" translate="no">a</mrk></source></segment>""",
            "(translate)"
        },
        {
            "canReorder no follows firstNo",
            """<segment><source><ph id="1"/><ph id="2" canReorder="no" canCopy="no" canDelete="no"/></source></segment>""",
            """<segment><source><ph id="1" canReorder="firstNo" canCopy="no" canDelete="no"/><ph id="2" canReorder="no" canCopy="no" canDelete="no"/></source></segment>""",
            "(canReorder)"
        },
        {
            "the end of a firstNo pair is no",
            """<segment><source><sc id="1" canReorder="firstNo" canCopy="no" canDelete="no"/>a<ec startRef="1" canReorder="firstNo" canCopy="no" canDelete="no"/></source></segment>""",
            """<segment><source><sc id="1" canReorder="firstNo" canCopy="no" canDelete="no"/>a<ec startRef="1" canReorder="no" canCopy="no" canDelete="no"/></source></segment>""",
            "(canReorder)"
        },
    };

    [Theory]
    [MemberData(nameof(Requirements))]
    public void A_unit_breaking_the_requirement_is_refused_and_its_valid_form_is_read(string requirement, string broken, string valid, string rule)
    {
        var refused = Read(broken);
        var read = Read(valid);

        Assert.False(refused.Succeeded, $"{requirement}: the broken unit was read");
        Assert.Contains(rule, Assert.IsType<InvalidXliff>(refused.Error).Detail, StringComparison.Ordinal);
        Assert.True(read.Succeeded, $"{requirement}: the valid unit was refused: {read.Error?.Detail}");
    }
}
