using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Tests.Storage;

/// <summary>
/// Which kept answers a saved entity concerns: each interceptor's table of entities, each entity forgetting the answers of
/// its account or project (and, for a share, of both projects) and no other. The store is never connected: the
/// interceptor is handed the entities a save would write.
/// </summary>
public sealed class ChangesInterceptorsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid Account = Guid.NewGuid();
    private static readonly Project Kept = Project.Create("Kept", "en", ["fr"], Now).Value!;
    private static readonly Guid ProjectA = Kept.Id;
    private static readonly Guid ProjectB = Guid.NewGuid();
    private static readonly Guid ProjectC = Guid.NewGuid();

    private static TranslationDb Store(IInterceptor interceptor)
    {
        var options = new DbContextOptionsBuilder<TranslationDb>();
        StoreServiceCollectionExtensions.ConfigureStore(options, NpgsqlDataSource.Create("Host=never.invalid")).AddInterceptors(interceptor);
        return new TranslationDb(options.Options);
    }

    private static void Saving(ForgetOnSave interceptor, TranslationDb db, object entity)
    {
        db.Add(entity);
        interceptor.SavingChanges(new DbContextEventData(null!, null!, db), default);
    }

    private static object RightEntity(string kind) => kind switch
    {
        "member of A" => ProjectMember.Grant(ProjectA, Account, "fr", Guid.NewGuid(), Now),
        "profile" => VolunteerProfile.Empty(Account, Now),
        "project A" => Kept,
        "document of A" => Document.Import(ProjectA, DocumentPath.Parse("paper.md").Value!, FileFormat.Markdown, [], [], VersionOrigin.Upload, Now),
        "share" => ProjectShare.Create(ProjectA, ProjectB, SharedResource.Glossary, Guid.NewGuid(), Now),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // The questions: the account's in project B, another account's in project A, another account's in project B.
    [Theory]
    [InlineData("member of A", new[] { false, true, true })]
    [InlineData("profile", new[] { false, true, true })]
    [InlineData("project A", new[] { true, false, true })]
    [InlineData("document of A", new[] { true, false, true })]
    [InlineData("share", new[] { true, true, true })]
    public void A_saved_right_forgets_the_answers_of_its_account_or_project(string saved, bool[] stillKept)
    {
        var answers = new RightAnswers(new FakeTimeProvider(Now));
        answers.Listening(true);
        RightQuestion[] questions =
        [
            new(Account, ProjectB, Guid.NewGuid(), "fr", LanguageRight.Translate),
            new(Guid.NewGuid(), ProjectA, Guid.NewGuid(), "fr", LanguageRight.Translate),
            new(Guid.NewGuid(), ProjectB, Guid.NewGuid(), "fr", LanguageRight.Review),
        ];
        foreach (var question in questions)
        {
            answers.Remember(question, new RightAnswer(null!, null!, null), answers.Changes, answers.Now);
        }
        var interceptor = new RightChangesInterceptor(answers);
        using var db = Store(interceptor);

        Saving(interceptor, db, RightEntity(saved));

        Assert.Equal(stillKept, questions.Select(q => answers.TryGet(q, out _)).ToArray());
        Assert.Same(answers, RightAnswers.Of(db));
        Assert.Null(CheckSettingsOf(db));
    }

    private static object SettingEntity(string kind) => kind switch
    {
        "level of A" => CheckSetting.Create(ProjectA, "length", CheckLevel.Error, Guid.NewGuid(), Now),
        "entry of A" => GlossaryEntry.Create(ProjectA, "en", new GlossaryEntryDraft(null, null, true, [new GlossaryTermDraft("en", "WSIS")]), null, Now).Value!,
        "share of A with B" => ProjectShare.Create(ProjectA, ProjectB, SharedResource.Glossary, Guid.NewGuid(), Now),
        "share of C with B" => ProjectShare.Create(ProjectC, ProjectB, SharedResource.Glossary, Guid.NewGuid(), Now),
        "profile" => VolunteerProfile.Empty(Account, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // The settings: project A's, project B's (its glossary its own), project C's.
    [Theory]
    [InlineData("level of A", new[] { false, true, true })]
    [InlineData("entry of A", new[] { false, true, true })]
    [InlineData("share of A with B", new[] { false, false, true })]
    [InlineData("share of C with B", new[] { true, false, false })]
    [InlineData("profile", new[] { true, true, true })]
    public void A_saved_check_setting_forgets_the_settings_of_its_projects(string saved, bool[] stillKept)
    {
        var settings = new KeptCheckSettings(new FakeTimeProvider(Now));
        settings.Listening(true);
        CheckSettingsQuestion[] questions = [new(ProjectA, "en", "fr"), new(ProjectB, "en", "fr"), new(ProjectC, "en", "fr")];
        foreach (var question in questions)
        {
            settings.Remember(question, new CheckSettings(new Dictionary<string, CheckLevel>(), TermIndex.Empty("en", "fr"), [question.Project]),
                settings.Changes, settings.Now);
        }
        var interceptor = new CheckSettingChangesInterceptor(settings);
        using var db = Store(interceptor);

        Saving(interceptor, db, SettingEntity(saved));

        Assert.Equal(stillKept, questions.Select(q => settings.TryGet(q, out _)).ToArray());
        Assert.Same(settings, CheckSettingsOf(db));
        Assert.Null(RightAnswers.Of(db));
    }

    private static KeptCheckSettings? CheckSettingsOf(TranslationDb db) => KeptCheckSettings.Of(db);
}
