using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Storage;

/// <summary>
/// When a save of this process forgets what a cache kept (<see cref="ForgetOnSave"/>, shown with the right checks' interceptor):
/// as it saves, after it saved, and again when its transaction ends, committed or rolled back, by the synchronous and the
/// asynchronous calls alike; and never again for a save that is over.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class ForgetOnSaveTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 14, 0, 0, TimeSpan.Zero));

    /// <summary>Runs <see cref="During"/> once as the save's statement has written its rows: a check another request makes meanwhile.</summary>
    private sealed class DuringTheWrite : DbCommandInterceptor
    {
        public Action? During { get; set; }

        private void Run()
        {
            var during = During;
            During = null;
            during?.Invoke();
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Run();
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            Run();
            return ValueTask.FromResult(result);
        }
    }

    private sealed class Store(TestDatabase database, RightAnswers answers, bool async) : IAsyncDisposable
    {
        private TranslationDb? _db;

        public DuringTheWrite Writing { get; } = new();

        public TranslationDb Db => _db ??= Open(database, answers, Writing);

        private static TranslationDb Open(TestDatabase database, RightAnswers answers, DuringTheWrite writing)
        {
            var options = new DbContextOptionsBuilder<TranslationDb>();
            StoreServiceCollectionExtensions.ConfigureStore(options, database.DataSource).AddInterceptors(new RightChangesInterceptor(answers), writing);
            return new TranslationDb(options.Options);
        }

        public async Task SaveAsync()
        {
            if (async)
            {
                await Db.SaveChangesAsync();
            }
            else
            {
                Db.SaveChanges();
            }
        }

        public async Task<IAsyncDisposable> BeginAsync() => async ? await Db.Database.BeginTransactionAsync() : Db.Database.BeginTransaction();

        public async Task CommitAsync()
        {
            if (async)
            {
                await Db.Database.CommitTransactionAsync();
            }
            else
            {
                Db.Database.CommitTransaction();
            }
        }

        public async Task RollbackAsync()
        {
            if (async)
            {
                await Db.Database.RollbackTransactionAsync();
            }
            else
            {
                Db.Database.RollbackTransaction();
            }
        }

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private RightAnswers Listening()
    {
        var answers = new RightAnswers(_clock);
        answers.Listening(true);
        return answers;
    }

    private Project NewProject() => Project.Create($"Kept {Guid.NewGuid():N}", "en", ["fr", "es"], _clock.GetUtcNow()).Value!;

    private static RightQuestion QuestionAbout(Project project) => new(Guid.NewGuid(), project.Id, Guid.NewGuid(), "fr", LanguageRight.Translate);

    private static RightQuestion Remember(RightAnswers answers, Project project, RightQuestion? question = null)
    {
        question ??= QuestionAbout(project);
        answers.Remember(question, new RightAnswer(project, null!, null), answers.Changes, answers.Now);
        Assert.True(answers.TryGet(question, out _));
        return question;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_save_outside_a_transaction_forgets_as_it_saves_and_the_change_it_saves_is_stored(bool async)
    {
        await database.ResetAsync();
        var answers = Listening();
        await using var store = new Store(database, answers, async);
        var project = NewProject();
        store.Db.Projects.Add(project);
        var question = Remember(answers, project);

        await store.SaveAsync();
        Assert.False(answers.TryGet(question, out _));

        // A change to a tracked entity, found by the save's own look for changes, which forgetting must leave switched on.
        Remember(answers, project, question);
        project.RemoveTargetLanguage("es");
        await store.SaveAsync();

        Assert.False(answers.TryGet(question, out _));
        await using var db = database.OpenStore();
        Assert.Equal(["fr"], (await db.Projects.SingleAsync(p => p.Id == project.Id)).TargetLanguages);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_save_forgets_every_entity_it_writes_and_again_what_was_read_while_it_wrote(bool async)
    {
        await database.ResetAsync();
        var answers = Listening();
        await using var store = new Store(database, answers, async);
        var first = NewProject();
        var second = NewProject();
        store.Db.Projects.AddRange(first, second);
        var aboutFirst = Remember(answers, first);
        var aboutSecond = Remember(answers, second);
        RightQuestion? readMeanwhile = null;
        store.Writing.During = () => readMeanwhile = Remember(answers, first);

        await store.SaveAsync();

        Assert.NotNull(readMeanwhile);
        Assert.False(answers.TryGet(aboutFirst, out _));
        Assert.False(answers.TryGet(aboutSecond, out _));
        Assert.False(answers.TryGet(readMeanwhile, out _));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task A_transaction_forgets_again_what_each_of_its_saves_concerned_when_it_commits_or_rolls_back(bool async, bool commit)
    {
        await database.ResetAsync();
        var answers = Listening();
        await using var store = new Store(database, answers, async);
        var first = NewProject();
        var second = NewProject();

        await using (await store.BeginAsync())
        {
            store.Db.Projects.Add(first);
            await store.SaveAsync();
            store.Db.ChangeTracker.Clear();
            store.Db.Projects.Add(second);
            await store.SaveAsync();
            // Checks made between the saves and the end still read the rows as they were before the transaction.
            var aboutFirst = Remember(answers, first);
            var aboutSecond = Remember(answers, second);
            if (commit)
            {
                await store.CommitAsync();
            }
            else
            {
                await store.RollbackAsync();
            }

            Assert.False(answers.TryGet(aboutFirst, out _));
            Assert.False(answers.TryGet(aboutSecond, out _));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_save_that_is_over_is_not_forgotten_again_by_a_later_transaction(bool async)
    {
        await database.ResetAsync();
        var answers = Listening();
        await using var store = new Store(database, answers, async);
        var earlier = NewProject();
        store.Db.Projects.Add(earlier);
        await store.SaveAsync();
        store.Db.ChangeTracker.Clear();
        var aboutEarlier = Remember(answers, earlier);

        await using (await store.BeginAsync())
        {
            store.Db.Projects.Add(NewProject());
            await store.SaveAsync();
            await store.CommitAsync();
        }

        Assert.True(answers.TryGet(aboutEarlier, out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_failed_save_is_over_too_and_is_not_forgotten_again_by_a_later_transaction(bool async)
    {
        await database.ResetAsync();
        var answers = Listening();
        var stored = NewProject();
        await using (var db = database.OpenStore())
        {
            db.Projects.Add(stored);
            await db.SaveChangesAsync();
        }
        await using var store = new Store(database, answers, async);
        store.Db.Projects.Add(stored);
        var question = Remember(answers, stored);

        await Assert.ThrowsAsync<DbUpdateException>(store.SaveAsync);
        Assert.False(answers.TryGet(question, out _));
        store.Db.ChangeTracker.Clear();
        Remember(answers, stored, question);
        await using (await store.BeginAsync())
        {
            store.Db.Projects.Add(NewProject());
            await store.SaveAsync();
            await store.CommitAsync();
        }

        Assert.True(answers.TryGet(question, out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_save_of_nothing_a_cache_kept_forgets_nothing(bool async)
    {
        await database.ResetAsync();
        var answers = Listening();
        var question = Remember(answers, NewProject());
        await using var store = new Store(database, answers, async);
        var changes = answers.Changes;

        await store.SaveAsync();

        Assert.Equal(changes, answers.Changes);
        Assert.True(answers.TryGet(question, out _));
    }
}
