using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Documents;

/// <summary>
/// PostgreSQL tells listening processes, on commit, whose per-language right checks may have changed: triggers on the
/// project members (rights granted, changed or taken away) and the volunteer profiles (a pause, a capacity) notify this
/// channel with "account:" and the account's id, on the projects and the documents (target languages, a document added,
/// changed or removed) with "project:" and the project's id, whichever process or statement made the change (the Worker's
/// pause of a volunteer who let three claims lapse included). A TRUNCATE of one of them notifies with nothing: everyone's.
/// </summary>
public static class RightNotices
{
    public const string Channel = "wgig_rights";
    public const string Account = "account:";
    public const string Project = "project:";
}

/// <summary>Who asks for which right in which document × language.</summary>
public sealed record RightQuestion(Guid Account, Guid Project, Guid Document, string Language, LanguageRight Right);

/// <summary>The answer of <see cref="DocumentLanguage"/>'s right check when the right is held: the pair and the volunteer's profile.</summary>
public sealed record RightAnswer(Project Project, Document Document, VolunteerProfile? Profile);

/// <summary>
/// The per-language right checks of this API process that found the right held, kept for a few seconds (the same bound as
/// the token checks, <see cref="KeptAnswers{TKey, TAnswer}.MaxAge"/>) so that a volunteer's claims, drafts, submissions and
/// review decisions do not each pay a round trip for the same answer. The rule stays <see cref="DocumentLanguage"/>'s: only
/// its answers are kept. A right taken away, a volunteer paused, a project's languages or a document changed: forgotten
/// here as this process saves it (<see cref="RightChangesInterceptor"/>), and in every API process when PostgreSQL tells
/// it (<see cref="RightNotices"/>). Nothing is kept while notices may be missed; a refusal is never kept.
/// </summary>
public sealed class RightAnswers(TimeProvider clock) : KeptAnswers<RightQuestion, RightAnswer>(clock), IHearsChanges
{
    public string Channel => RightNotices.Channel;

    public void Heard(string payload)
    {
        if (TryReadId(payload, RightNotices.Account, out var account))
        {
            ForgetAccount(account);
        }
        else if (TryReadId(payload, RightNotices.Project, out var project))
        {
            ForgetProject(project);
        }
        else
        {
            ForgetAll();
        }
    }

    /// <summary>Forgets the answers given to one account (its rights or its profile changed).</summary>
    public void ForgetAccount(Guid accountId) => Forget(accountId, (question, _) => question.Account == accountId);

    /// <summary>Forgets the answers about one project (its languages or one of its documents changed).</summary>
    public void ForgetProject(Guid projectId) => Forget(projectId, (question, _) => question.Project == projectId);

    /// <summary>The answers of the process whose store this is: none where no API process keeps them (the Worker, set-up steps).</summary>
    internal static RightAnswers? Of(TranslationDb db) => ForgetOnSave.Of<RightChangesInterceptor>(db)?.Answers;
}

/// <summary>Forgets the kept right checks a save of this process concerns: a member's grant, a profile, a project, a document.</summary>
public sealed class RightChangesInterceptor(RightAnswers answers) : ForgetOnSave
{
    public RightAnswers Answers => answers;

    protected override Action? Forgetting(object entity) => entity switch
    {
        ProjectMember member => () => answers.ForgetAccount(member.AccountId),
        VolunteerProfile profile => () => answers.ForgetAccount(profile.AccountId),
        Project project => () => answers.ForgetProject(project.Id),
        Document document => () => answers.ForgetProject(document.ProjectId),
        _ => null,
    };
}
