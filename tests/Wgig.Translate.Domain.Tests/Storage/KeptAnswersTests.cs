using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Tests.Storage;

/// <summary>
/// The rules every kept answer follows (<see cref="KeptAnswers{TKey, TAnswer}"/>, which the right checks and the check settings
/// share): when an answer is kept, for how long, and what forgets it.
/// </summary>
public sealed class KeptAnswersTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 14, 0, 0, TimeSpan.Zero));

    /// <summary>Answers about ids, forgotten by id; <see cref="DuringStore"/> runs while an answer is being stored (as a change of another thread would).</summary>
    private sealed class Kept : KeptAnswers<string, string>
    {
        private readonly RacingComparer _comparer;

        public Kept(TimeProvider clock) : this(clock, new RacingComparer())
        {
        }

        private Kept(TimeProvider clock, RacingComparer comparer) : base(clock, comparer) => _comparer = comparer;

        public Action? DuringStore
        {
            set => _comparer.Once = value;
        }

        public void ForgetId(Guid id) => Forget(id, (key, _) => key == id.ToString());

        public static bool Reads(string payload, string prefix, out Guid id) => TryReadId(payload, prefix, out id);
    }

    // The dictionary hashes a key before it stores it: a change armed here runs between Remember's check and its store.
    private sealed class RacingComparer : IEqualityComparer<string>
    {
        public Action? Once { get; set; }

        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string obj)
        {
            var once = Once;
            Once = null;
            once?.Invoke();
            return StringComparer.Ordinal.GetHashCode(obj);
        }
    }

    private Kept Listening()
    {
        var kept = new Kept(_clock);
        kept.Listening(true);
        return kept;
    }

    private static void Remember(Kept kept, string key) => kept.Remember(key, "answer " + key, kept.Changes, kept.Now);

    [Fact]
    public void An_answer_is_kept_and_given_back_as_it_was_read()
    {
        var kept = Listening();
        Remember(kept, "a");

        Assert.True(kept.TryGet("a", out var answer));
        Assert.Equal("answer a", answer);
        Assert.False(kept.TryGet("b", out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Connected_completes_when_notices_arrive_and_starts_again_when_they_may_be_missed()
    {
        var kept = new Kept(_clock);
        Assert.False(kept.Connected.IsCompleted);

        kept.Listening(false);
        Assert.False(kept.Connected.IsCompleted);
        kept.Listening(true);
        var first = kept.Connected;
        Assert.True(first.IsCompleted);

        kept.Listening(false);
        Assert.False(kept.Connected.IsCompleted);
        Assert.True(first.IsCompleted);
        kept.Listening(true);
        Assert.True(kept.Connected.IsCompleted);
    }

    [Fact]
    public void Once_notices_may_be_missed_no_answer_read_since_is_kept()
    {
        var kept = Listening();
        kept.Listening(false);

        Remember(kept, "a");

        Assert.False(kept.TryGet("a", out _));
    }

    [Fact]
    public void Connecting_again_forgets_what_was_kept_before_since_notices_may_have_been_missed()
    {
        var kept = Listening();
        Remember(kept, "a");
        var changes = kept.Changes;

        kept.Listening(true);

        Assert.False(kept.TryGet("a", out _));
        Assert.Equal(changes + 1, kept.Changes);
    }

    [Fact]
    public void Every_forgetting_counts_as_a_change_and_says_what_it_forgot()
    {
        var kept = Listening();
        var id = Guid.NewGuid();
        var heard = new List<Guid?>();
        kept.Forgotten += heard.Add;
        var start = kept.Changes;

        kept.ForgetId(id);
        kept.ForgetAll();

        Assert.Equal(start + 2, kept.Changes);
        Assert.Equal([id, null], heard);
    }

    [Fact]
    public void Forgetting_an_id_forgets_only_the_answers_that_depend_on_it()
    {
        var kept = Listening();
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        Remember(kept, id.ToString());
        Remember(kept, other.ToString());

        kept.ForgetId(id);

        Assert.False(kept.TryGet(id.ToString(), out _));
        Assert.True(kept.TryGet(other.ToString(), out _));
    }

    [Fact]
    public void An_answer_read_before_everything_was_forgotten_is_not_kept()
    {
        var kept = Listening();
        var before = kept.Changes;
        kept.ForgetAll();

        kept.Remember("a", "stale", before, kept.Now);

        Assert.False(kept.TryGet("a", out _));
    }

    [Fact]
    public void A_change_forgotten_while_an_answer_is_being_stored_undoes_the_store()
    {
        var kept = Listening();
        Remember(kept, "b");
        kept.DuringStore = kept.ForgetAll;

        Remember(kept, "a");

        Assert.False(kept.TryGet("a", out _));
        Remember(kept, "a");
        Assert.True(kept.TryGet("a", out _));
    }

    [Fact]
    public void The_age_counts_from_when_the_answer_was_read_not_from_when_it_was_kept()
    {
        var kept = Listening();
        var readAt = kept.Now;
        _clock.Advance(KeptAnswers<string, string>.MaxAge - TimeSpan.FromSeconds(1));
        kept.Remember("a", "answer", kept.Changes, readAt);

        Assert.True(kept.TryGet("a", out _));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(kept.TryGet("a", out _));
    }

    [Theory]
    [InlineData(9_999, true)]
    [InlineData(10_000, false)]
    public void Past_ten_thousand_answers_the_cache_starts_again_rather_than_grow(int keptBefore, bool firstStillKept)
    {
        var kept = Listening();
        for (var i = 0; i < keptBefore; i++)
        {
            Remember(kept, $"k{i}");
        }

        Remember(kept, "newest");

        Assert.Equal(firstStillKept, kept.TryGet("k0", out _));
        Assert.Equal(firstStillKept, kept.TryGet($"k{keptBefore - 1}", out _));
        Assert.True(kept.TryGet("newest", out _));
    }

    [Theory]
    [InlineData("account:{id}", "account:", true)]
    [InlineData("project:{id}", "account:", false)]
    [InlineData("xaccount:{id}", "account:", false)]
    [InlineData("account:{id}x", "account:", false)]
    [InlineData("account:", "account:", false)]
    [InlineData("{id}", "", true)]
    public void A_notice_names_an_id_only_after_its_prefix(string payload, string prefix, bool names)
    {
        var id = Guid.NewGuid();

        var read = Kept.Reads(payload.Replace("{id}", id.ToString(), StringComparison.Ordinal), prefix, out var found);

        Assert.Equal((names, names ? id : Guid.Empty), (read, found));
    }
}
