using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Documents;

/// <summary>What the API process keeps of per-language right checks, and when it forgets it.</summary>
public sealed class RightAnswersTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private static readonly Guid Volunteer = Guid.NewGuid();
    private static readonly Guid ProjectId = Guid.NewGuid();
    private static readonly RightQuestion Question = new(Volunteer, ProjectId, Guid.NewGuid(), "fr", LanguageRight.Translate);
    private static readonly RightAnswer Answer = new(Project.Create("Kept", "en", ["fr"], DateTimeOffset.UnixEpoch).Value!, null!, null);

    private RightAnswers Listening()
    {
        var answers = new RightAnswers(_clock);
        answers.Listening(true);
        return answers;
    }

    private static RightAnswers Remembered(RightAnswers answers)
    {
        answers.Remember(Question, Answer, answers.Changes, answers.Now);
        Assert.True(answers.TryGet(Question, out _));
        return answers;
    }

    [Fact]
    public void Nothing_is_kept_or_used_while_notices_may_be_missed()
    {
        var answers = new RightAnswers(_clock);
        answers.Remember(Question, Answer, answers.Changes, answers.Now);
        Assert.False(answers.TryGet(Question, out _));

        answers.Listening(true);
        Remembered(answers);
        answers.Listening(false);
        Assert.False(answers.TryGet(Question, out _));
    }

    [Fact]
    public void An_answer_read_before_a_change_is_not_kept()
    {
        var answers = Listening();
        var before = answers.Changes;
        answers.ForgetAccount(Guid.NewGuid());

        answers.Remember(Question, Answer, before, answers.Now);

        Assert.False(answers.TryGet(Question, out _));
    }

    [Fact]
    public void An_answer_is_used_for_less_than_the_bound_whatever_happens()
    {
        var answers = Remembered(Listening());
        _clock.Advance(RightAnswers.MaxAge - TimeSpan.FromMilliseconds(1));
        Assert.True(answers.TryGet(Question, out _));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(answers.TryGet(Question, out _));
    }

    [Theory]
    [InlineData("account:{volunteer}", false)]
    [InlineData("account:{other}", true)]
    [InlineData("project:{project}", false)]
    [InlineData("project:{other}", true)]
    [InlineData("", false)]
    [InlineData("account:not-an-id", false)]
    public void A_notice_forgets_the_answers_of_the_account_or_project_it_names_or_everything_when_it_names_none(string payload, bool stillKept)
    {
        var answers = Remembered(Listening());

        answers.Heard(payload.Replace("{volunteer}", Volunteer.ToString()).Replace("{project}", ProjectId.ToString())
            .Replace("{other}", Guid.NewGuid().ToString()));

        Assert.Equal(stillKept, answers.TryGet(Question, out _));
    }
}

/// <summary>The saves of this process forget what they concern at once, and again when their transaction commits.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class RightChangesInterceptorTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_saved_project_is_forgotten_as_it_is_saved_and_again_as_its_transaction_commits()
    {
        await database.ResetAsync();
        var answers = new RightAnswers(_clock);
        answers.Listening(true);
        var options = new DbContextOptionsBuilder<TranslationDb>();
        StoreServiceCollectionExtensions.ConfigureStore(options, database.DataSource).AddInterceptors(new RightChangesInterceptor(answers));
        await using var db = new TranslationDb(options.Options);
        var project = Project.Create("Kept", "en", ["fr", "es"], _clock.GetUtcNow()).Value!;
        var question = new RightQuestion(Guid.NewGuid(), project.Id, Guid.NewGuid(), "fr", LanguageRight.Translate);
        void Remember() => answers.Remember(question, new RightAnswer(project, null!, null), answers.Changes, answers.Now);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Projects.Add(project);
            Remember();
            await db.SaveChangesAsync();
            Assert.False(answers.TryGet(question, out _));
            // A check made between the save and the commit still reads the old rows: the commit forgets it again.
            Remember();
            Assert.True(answers.TryGet(question, out _));
            await transaction.CommitAsync();
        }
        Assert.False(answers.TryGet(question, out _));

        Remember();
        project.RemoveTargetLanguage("es");
        await db.SaveChangesAsync();
        Assert.False(answers.TryGet(question, out _));
    }
}
