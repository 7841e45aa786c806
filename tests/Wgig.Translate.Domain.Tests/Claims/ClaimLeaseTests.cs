using Wgig.Translate.Domain.Claims;

namespace Wgig.Translate.Domain.Tests.Claims;

public sealed class ClaimLeaseTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ClaimOptions Rules = new() { LeaseLength = TimeSpan.FromHours(48), MaxLeaseLength = TimeSpan.FromDays(7) };

    private static Claim Open() => Claim.Open(Guid.NewGuid(), Guid.NewGuid(), "fr", Start, Rules);

    [Fact]
    public void Activity_extends_the_lease_to_a_full_lease_from_now()
    {
        var claim = Open();

        claim.Extend(Start.AddHours(30), Rules);

        Assert.Equal(Start.AddHours(78), claim.ExpiresAt);
    }

    [Fact]
    public void Activity_never_keeps_a_batch_with_its_own_deadline_past_it()
    {
        var due = Start.AddHours(60);
        var claim = Claim.Open(Guid.NewGuid(), Guid.NewGuid(), "fr", Start, Rules, ClaimKind.Translation, due);
        Assert.Equal(due, claim.ExpiresAt);

        claim.Extend(Start.AddHours(30), Rules);

        Assert.Equal(due, claim.ExpiresAt);
    }

    [Fact]
    public void Activity_never_keeps_a_claim_past_its_longest_life()
    {
        var claim = Open();

        claim.Extend(Start.AddDays(6), Rules);

        Assert.Equal(Start.AddDays(7), claim.ExpiresAt);
    }

    [Fact]
    public void A_claim_opens_for_a_full_lease_and_extensions_under_a_minute_are_not_written()
    {
        var claim = Open();
        Assert.Equal(Start + Rules.LeaseLength, claim.ExpiresAt);

        claim.Extend(Start.AddSeconds(30), Rules);
        Assert.Equal(Start + Rules.LeaseLength, claim.ExpiresAt);

        claim.Extend(Start.AddSeconds(61), Rules);
        Assert.Equal(Start.AddSeconds(61) + Rules.LeaseLength, claim.ExpiresAt);
    }

    [Fact]
    public void Extending_never_shortens_and_a_released_claim_stays_ended()
    {
        var longer = Open();
        longer.Extend(Start.AddHours(40), Rules);
        longer.Extend(Start.AddHours(1), Rules);
        Assert.Equal(Start.AddHours(88), longer.ExpiresAt);

        var released = Open();
        released.Release(Start.AddHours(2));
        released.Extend(Start.AddHours(3), Rules);
        Assert.False(released.IsLiveAt(Start.AddHours(3)));
        Assert.Equal(Start.AddHours(2), released.ExpiresAt);
    }

    [Fact]
    public void A_claim_lives_until_the_instant_it_expires_and_not_once_released()
    {
        var claim = Open();
        var expiry = claim.ExpiresAt;

        Assert.True(claim.IsLiveAt(expiry.AddTicks(-1)));
        Assert.False(claim.IsLiveAt(expiry));
        claim.Release(Start.AddHours(1));
        Assert.False(claim.IsLiveAt(Start.AddMinutes(30)));
    }

    [Fact]
    public void Releasing_ends_the_lease_then_and_the_first_release_is_the_one_recorded()
    {
        var claim = Open();

        claim.Release(Start.AddHours(1));
        claim.Release(Start.AddHours(5));

        Assert.Equal((Start.AddHours(1), (DateTimeOffset?)Start.AddHours(1)), (claim.ExpiresAt, claim.ReleasedAt));
    }

    [Fact]
    public void Releasing_a_claim_that_already_ran_out_keeps_when_it_ran_out()
    {
        var claim = Open();

        claim.Release(Start.AddDays(5));

        Assert.Equal((Start + Rules.LeaseLength, (DateTimeOffset?)Start.AddDays(5)), (claim.ExpiresAt, claim.ReleasedAt));
    }

    [Fact]
    public void An_extension_of_exactly_the_step_is_written()
    {
        var claim = Open();

        claim.Extend(Start + Rules.ExtensionStep, Rules);

        Assert.Equal(Start + Rules.ExtensionStep + Rules.LeaseLength, claim.ExpiresAt);
    }
}
