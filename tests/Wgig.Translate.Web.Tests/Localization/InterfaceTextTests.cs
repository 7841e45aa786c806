using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Wgig.Translate.Domain.Profiles;

namespace Wgig.Translate.Web.Tests.Localization;

/// <summary>
/// The interface speaks the six official languages of the United Nations: every string written in English
/// exists in the five others (as built into the satellite assemblies the app loads), is not empty, is not
/// left in English, and keeps the English string's placeholders.
/// </summary>
public sealed partial class InterfaceTextTests
{
    // Short strings that may read the same as in English ("Notifications" and "Segments" in French, "Error:" in Spanish).
    private static readonly HashSet<string> MayReadAsInEnglish = ["Nav.Notifications", "Checks.Error", "Notifications.Title", "Profile.Notifications.Title", "Editor.Segments",
        "MyWork.Claimable.Segments", "Pager.Label", "Suggestion.Suggestions", "Panel.Suggestions", "Row.Source", "MyWork.Claimable.Actions", "Profile.Tokens.Actions",
        "Code.code.Standalone", "Code.image.Standalone", "Time.Minutes", "Time.HoursMinutes", "Time.DaysHours", "Xliff.Report.Unit", "Row.Codes", "Profile.Tokens.Name",
        "MyWork.Deadlines.Document", "MyWork.Returned.Segment", "Row.SegmentLabel", "Xliff.DownloadOmegaT", "Xliff.Download", "Shell.ErrorPrefix",
        "Shell.ErrorTitlePrefix", "Row.SectionLabel", "Code.format.Standalone", "MyWork.Returned.Reviewer", "Xliff.Title", "Xliff.Report.Unchanged", "Filter.Mine",
        "Code.other.Standalone", "Profile.Time.Title", "Row.SectionSentenceLabel", "Row.Heading", "Row.ParagraphLabel", "Shell.Breadcrumbs", "Error.NotFound.Title",
        // French words the same as English ones: "Actions", "Document", "version", "Imports", "Publications", "source".
        "Invite.Actions", "Heat.Document", "Heat.Version", "Activity.Kind.Import", "Activity.Kind.Publication", "Paper.Source", "Gate.Version", "Gate.History",
        // GitHub's own words, and French and Spanish ones the same as English: "Webhook", "Actions", "Secret".
        "Settings.Repository.Host.GitHub", "Settings.Webhook.Title", "Settings.Languages.Actions", "Settings.Webhook.Secret"];

    private static string[] Names() => [.. typeof(Api.Web.WebSetup).Assembly.GetManifestResourceNames()
        .Where(n => n.EndsWith("Text.resources", StringComparison.Ordinal))
        .Select(n => n[..^".resources".Length])];

    // The checks' findings are worded in the Domain, beside the checks, and shown by the editor in the interface language.
    private static readonly string CheckText = typeof(Domain.Checks.CheckText).FullName!;

    public static TheoryData<string> Resources() => new([.. Names(), CheckText]);

    private static ResourceManager Manager(string resource) =>
        new(resource, resource == CheckText ? typeof(Domain.Checks.CheckText).Assembly : typeof(Api.Web.WebSetup).Assembly);

    [Fact]
    public void The_web_app_has_a_resource_for_each_of_its_features() =>
        Assert.Equal(["Account", "Dashboard", "Editor", "Papers", "People", "Review", "Settings", "Shell", "Work"], Names().Select(r => r.Split('.')[^2]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_english_string_is_translated_into_the_five_other_languages(string resource)
    {
        var manager = Manager(resource);
        var english = Strings(manager, CultureInfo.InvariantCulture);
        Assert.NotEmpty(english);
        var problems = new List<string>();
        foreach (var language in VolunteerProfile.InterfaceLanguages.Where(l => l != "en"))
        {
            var translated = Strings(manager, CultureInfo.GetCultureInfo(language));
            problems.AddRange(english.Keys.Except(translated.Keys).Select(key => $"{language}: '{key}' is missing"));
            problems.AddRange(translated.Keys.Except(english.Keys).Select(key => $"{language}: '{key}' is not in English"));
            foreach (var (key, text) in translated.Where(t => english.ContainsKey(t.Key)))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{language}: '{key}' is empty");
                }
                if (!Placeholders(text).SetEquals(Placeholders(english[key])))
                {
                    problems.Add($"{language}: '{key}' has placeholders {string.Join(",", Placeholders(text))}, English {string.Join(",", Placeholders(english[key]))}");
                }
                if (text == english[key] && english[key].Any(char.IsLetter) && !MayReadAsInEnglish.Contains(key))
                {
                    problems.Add($"{language}: '{key}' is still English: {text}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static TheoryData<string, string, Type> ShownByName() => new()
    {
        { "Editor", "History.", typeof(Domain.Targets.TargetEventKind) },
        { "Work", "Notifications.Kind.", typeof(Domain.Notifications.NotificationKind) },
        { "Shell", "State.", typeof(Domain.Targets.TargetState) },
        { "Dashboard", "Forecast.", typeof(Domain.Deadlines.ForecastStatus) },
        { "Work", "Forecast.", typeof(Domain.Deadlines.ForecastStatus) },
        { "Settings", "Settings.Check.", typeof(Domain.Publishing.ConnectionCheckOutcome) },
        { "Settings", "Settings.Repository.Host.", typeof(Domain.Publishing.RepositoryHost) },
        { "Settings", "Settings.Repository.WriteMode.", typeof(Domain.Publishing.WriteMode) },
    };

    // The balancing page says why nobody would take a batch by the reason's value and the kind of work ("Balance.Nobody.NoRight.Review").
    [Fact]
    public void Every_reason_nobody_takes_a_batch_has_its_string_for_each_kind_of_work()
    {
        var resource = Names().Single(n => n.Split('.')[^2] == "Dashboard");
        var english = Strings(new ResourceManager(resource, typeof(Api.Web.WebSetup).Assembly), CultureInfo.InvariantCulture);
        var missing = Enum.GetNames<Domain.Balancing.NobodyBecause>().SelectMany(why => Enum.GetNames<Domain.Balancing.WorkKind>().Select(kind => $"Balance.Nobody.{why}.{kind}"))
            .Where(key => !english.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, $"no string for {string.Join(", ", missing)}");
    }

    // Pages look these strings up by an enum's value ("History.{kind}"): a value added to the Domain without its string shows
    // the bare key to the volunteer, which the completeness test above cannot see.
    [Theory]
    [MemberData(nameof(ShownByName))]
    public void Every_value_a_page_names_through_a_key_has_its_string(string feature, string prefix, Type values)
    {
        var resource = Names().Single(n => n.Split('.')[^2] == feature);
        var english = Strings(Manager(resource), CultureInfo.InvariantCulture);
        var missing = Enum.GetNames(values).Select(v => prefix + v).Where(key => !english.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, $"{feature}: no string for {string.Join(", ", missing)}");
    }

    // A finding is rendered from its code's sentence ("numbers.missing-one"): a code a check can give without its sentence
    // would show the volunteer the bare code, in every language.
    [Fact]
    public void Every_code_a_check_can_give_has_its_sentence_and_every_sentence_a_check()
    {
        var checks = typeof(Domain.Checks.ICheck).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(Domain.Checks.ICheck).IsAssignableFrom(t))
            .Select(t => (Domain.Checks.ICheck)Activator.CreateInstance(t)!).ToList();
        var codes = checks.SelectMany(c => c.Codes).ToList();
        Assert.All(checks, c => Assert.All(c.Codes, code => Assert.StartsWith(c.Id + ".", code, StringComparison.Ordinal)));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        var english = Strings(Manager(CheckText), CultureInfo.InvariantCulture);
        Assert.Equal(codes.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Strings(ResourceManager manager, CultureInfo culture)
    {
        using var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"No {culture.Name} resources for {manager.BaseName}.");
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
