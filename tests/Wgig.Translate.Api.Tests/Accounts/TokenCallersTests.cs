using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Domain.Accounts;

namespace Wgig.Translate.Api.Tests.Accounts;

/// <summary>The token checks an API process keeps: what is kept, for how long, and what makes it forget.</summary>
public sealed class TokenCallersTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero));

    private TokenCaller Caller(Guid accountId) =>
        new(ApiToken.Issue(accountId, "script", TimeSpan.FromDays(30), _clock.GetUtcNow()).Token, accountId, "ana", "ana@example.org", null, ["volunteer"]);

    private TokenCallers Listening()
    {
        var callers = new TokenCallers(_clock);
        callers.Listening(true);
        return callers;
    }

    [Fact]
    public void A_check_read_while_notices_arrive_is_kept_and_used()
    {
        var callers = Listening();
        var ana = Caller(Guid.NewGuid());

        callers.Remember("hash", ana, callers.Changes, _clock.GetUtcNow());

        Assert.True(callers.TryGet("hash", out var kept));
        Assert.Same(ana, kept);
    }

    [Fact]
    public void A_check_read_before_a_change_was_forgotten_is_not_kept()
    {
        var callers = Listening();
        var ana = Caller(Guid.NewGuid());
        var before = callers.Changes;

        callers.Forget(ana.AccountId); // the change's notice went by while the read was under way
        callers.Remember("hash", ana, before, _clock.GetUtcNow());

        Assert.False(callers.TryGet("hash", out _));
    }

    [Fact]
    public void Forgetting_an_account_forgets_its_tokens_only()
    {
        var callers = Listening();
        var ana = Caller(Guid.NewGuid());
        var ben = Caller(Guid.NewGuid());
        callers.Remember("ana", ana, callers.Changes, _clock.GetUtcNow());
        callers.Remember("ben", ben, callers.Changes, _clock.GetUtcNow());

        callers.Forget(ana.AccountId);

        Assert.False(callers.TryGet("ana", out _));
        Assert.True(callers.TryGet("ben", out _));
    }

    [Fact]
    public void Nothing_is_kept_or_used_while_notices_do_not_arrive_and_everything_is_forgotten_when_they_do_again()
    {
        var callers = new TokenCallers(_clock);
        var ana = Caller(Guid.NewGuid());
        callers.Remember("before", ana, callers.Changes, _clock.GetUtcNow());
        Assert.False(callers.TryGet("before", out _));

        callers.Listening(true);
        callers.Remember("kept", ana, callers.Changes, _clock.GetUtcNow());
        callers.Listening(false);
        Assert.False(callers.TryGet("kept", out _));
        Assert.False(callers.Connected.IsCompleted);

        callers.Listening(true);
        Assert.True(callers.Connected.IsCompleted);
        Assert.False(callers.TryGet("kept", out _));
    }

    [Fact]
    public void A_kept_check_is_not_used_after_its_maximum_age()
    {
        var callers = Listening();
        callers.Remember("hash", Caller(Guid.NewGuid()), callers.Changes, _clock.GetUtcNow());

        _clock.Advance(TokenCallers.MaxAge - TimeSpan.FromMilliseconds(1));
        Assert.True(callers.TryGet("hash", out _));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(callers.TryGet("hash", out _));
    }
}
