using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// PostgreSQL tells listening processes, on commit, whose check settings changed: triggers on the check levels, the
/// glossary entries and the projects' shares notify this channel with "project:" and the project's id (both projects of a
/// share), whichever process or statement made the change. A TRUNCATE of one of them notifies with nothing: everyone's.
/// </summary>
public static class CheckSettingNotices
{
    public const string Channel = "wgig_checks";
    public const string Project = "project:";
}

/// <summary>One project's checks for one language pair.</summary>
public sealed record CheckSettingsQuestion(Guid Project, string SourceLanguage, string TargetLanguage);

/// <summary>
/// What <see cref="SegmentChecks"/> loads before it checks a translation: the project's check levels and its glossary compiled
/// for the language pair, with the projects whose glossary entries it holds (its own and those sharing theirs with it).
/// Read-only once built, so every request of the process may use the same one.
/// </summary>
public sealed record CheckSettings(IReadOnlyDictionary<string, CheckLevel> Levels, TermIndex Glossary, IReadOnlyList<Guid> GlossaryProjects);

/// <summary>
/// The check settings of this API process, kept for a few seconds (<see cref="KeptAnswers{TKey, TAnswer}.MaxAge"/>) so that
/// every draft save and submission does not read the levels, the glossary's shares and its entries again, and compile the
/// glossary again, for the same project. Forgotten as this process saves a level, a glossary entry or a share
/// (<see cref="CheckSettingChangesInterceptor"/>, and by the handlers that delete them in one statement), and in every API
/// process when PostgreSQL tells it (<see cref="CheckSettingNotices"/>). Nothing is kept while notices may be missed.
/// </summary>
public sealed class KeptCheckSettings(TimeProvider clock) : KeptAnswers<CheckSettingsQuestion, CheckSettings>(clock), IHearsChanges
{
    public string Channel => CheckSettingNotices.Channel;

    public void Heard(string payload)
    {
        if (TryReadId(payload, CheckSettingNotices.Project, out var project))
        {
            ForgetProject(project);
        }
        else
        {
            ForgetAll();
        }
    }

    /// <summary>Forgets the settings of this project, and of every project that reads its glossary.</summary>
    public void ForgetProject(Guid projectId) =>
        Forget(projectId, (question, settings) => question.Project == projectId || settings.GlossaryProjects.Contains(projectId));

    /// <summary>The settings of the process whose store this is: none where no API process keeps them (the Worker, set-up steps).</summary>
    internal static KeptCheckSettings? Of(TranslationDb db) => ForgetOnSave.Of<CheckSettingChangesInterceptor>(db)?.Settings;
}

/// <summary>Forgets the kept check settings a save of this process concerns: a check level, a glossary entry, a share.</summary>
public sealed class CheckSettingChangesInterceptor(KeptCheckSettings settings) : ForgetOnSave
{
    public KeptCheckSettings Settings => settings;

    protected override Action? Forgetting(object entity) => entity switch
    {
        CheckSetting level => () => settings.ForgetProject(level.ProjectId),
        GlossaryEntry entry => () => settings.ForgetProject(entry.ProjectId),
        ProjectShare share => () =>
        {
            settings.ForgetProject(share.ProjectId);
            settings.ForgetProject(share.OwnerProjectId);
        },
        _ => null,
    };
}
