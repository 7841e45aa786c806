using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Tests.Checks;

public sealed class QualityChecksTests
{
    private static readonly QualityChecks Checks = new(typeof(ICheck).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(ICheck).IsAssignableFrom(t)).Select(t => (ICheck)Activator.CreateInstance(t)!));

    private static CheckInput Input(string source, string target, string language = "fr") =>
        new(CheckRunner.Source(source), CheckRunner.Target(CheckRunner.Source(source), target), "en", language);

    [Fact]
    public void The_submission_that_drops_every_code_and_changes_2004_to_1999_is_refused()
    {
        var report = Checks.Run(Input("The {b1}WSIS{/b1} met in 2004{x2}.", "Le SMSI s’est réuni en 1999."));

        var refusal = Assert.IsType<ChecksFailed>(report.RefusalOfSubmission(["numbers"]));
        Assert.Contains("[inline-codes]", refusal.Detail, StringComparison.Ordinal);
        Assert.Contains(report.Findings, f => f is { Check: "numbers", Level: CheckLevel.Warning });
    }

    [Fact]
    public void Warnings_need_an_acknowledgement_of_each_check()
    {
        var report = Checks.Run(Input("The summit met in 2004.", "Le sommet s’est réuni en 1999"));

        var refusal = Assert.IsType<WarningsNotAcknowledged>(report.RefusalOfSubmission(["numbers"]));
        Assert.Equal(["final-punctuation"], refusal.Checks);
        Assert.Null(report.RefusalOfSubmission(["numbers", "final-punctuation"]));
        Assert.StartsWith("Acknowledged warnings: ", report.AcknowledgementNote(), StringComparison.Ordinal);
    }

    [Fact]
    public void Project_levels_turn_checks_off_or_into_errors_and_mutes_keep_findings_but_block_nothing()
    {
        var input = Input("The summit met in 2004.", "Le sommet s’est réuni en 1999");

        var levels = new Dictionary<string, CheckLevel> { ["numbers"] = CheckLevel.Error, ["final-punctuation"] = CheckLevel.Off };
        var stricter = Checks.Run(input, levels);
        Assert.Equal(["numbers", "numbers"], stricter.Findings.Select(f => f.Check));
        Assert.IsType<ChecksFailed>(stricter.RefusalOfSubmission([]));

        var muted = Checks.Run(input, levels, new Dictionary<string, string> { ["numbers"] = "The Hijri year is meant." });
        Assert.All(muted.Findings, f => Assert.Equal((true, "The Hijri year is meant."), (f.Muted, f.MuteReason)));
        Assert.Null(muted.RefusalOfSubmission([]));
    }

    [Fact]
    public void A_good_translation_passes_every_check_in_every_language()
    {
        var source = "The {b1}WSIS{/b1} met on 24 – 26 June 2004 in Geneva: see paragraph 17 (b){x2}.";
        foreach (var (language, target) in new[]
        {
            ("fr", "Le {b1}SMSI{/b1} s’est réuni du 24 au 26 juin 2004 à Genève\u00A0: voir le paragraphe 17 b){x2}."),
            ("es", "La {b1}CMSI{/b1} se reunió del 24 al 26 de junio de 2004 en Ginebra: véase el párrafo 17 b){x2}."),
            ("ru", "{b1}ВВУИО{/b1} собралась 24–26 июня 2004 года в Женеве: см. пункт 17 б){x2}."),
            ("ar", "اجتمعت {b1}القمة العالمية{/b1} في جنيف في الفترة من 24 إلى 26 حزيران/يونيو 2004: انظر الفقرة 17 (ب){x2}."),
            ("zh", "{b1}信息社会世界峰会{/b1}于2004年6月24日至26日在日内瓦举行会议：见第17(b)段{x2}。"),
        })
        {
            var report = Checks.Run(new CheckInput(CheckRunner.Source(source), CheckRunner.Target(CheckRunner.Source(source), target), "en", language));
            Assert.True(report.Findings.Count == 0, $"{language}: {string.Join(" | ", report.Findings.Select(f => $"{f.Check}: {f.Message}"))}");
        }
    }

    [Fact]
    public void An_empty_translation_has_no_findings() =>
        Assert.Empty(Checks.Run(new CheckInput(SegmentContent.FromText("The group met."), SegmentContent.FromText(""), "en", "fr")).Findings);

    // Settings, mutes and acknowledgements name a check by its id, and its messages' codes (the keys of their
    // sentences in every interface language) start with it; the settings page shows the description.
    [Fact]
    public void Every_check_has_its_own_id_its_codes_start_with_it_and_a_sentence_describes_it()
    {
        var checks = typeof(ICheck).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(ICheck).IsAssignableFrom(t))
            .Select(t => (ICheck)Activator.CreateInstance(t)!).ToList();

        Assert.Equal(checks.Count, checks.Select(c => c.Id).Distinct().Count());
        Assert.All(checks, check =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", check.Id);
            Assert.All(check.Codes, code => Assert.StartsWith(check.Id + ".", code, StringComparison.Ordinal));
            Assert.Matches(@"^[A-Z].{20,}\.$", check.Description);
        });
    }
}
