using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

using static Wgig.Translate.Domain.Tests.Targets.TargetFixtures;

namespace Wgig.Translate.Domain.Tests.Targets;

public sealed class DraftAndReviewClaimTests
{
    private static readonly SegmentContent HalfDone = SegmentContent.FromText("Le groupe");

    [Fact]
    public void The_claimant_autosaves_a_draft_and_submitting_clears_it_without_a_history_entry_per_save()
    {
        var target = ClaimedBy(Ana);

        Assert.Null(target.SaveDraft(Ana, HalfDone, Now.AddMinutes(5), Rules));
        Assert.Null(target.SaveDraft(Ana, French, Now.AddMinutes(6), Rules));
        Assert.Equal((French.CodedText, Now.AddMinutes(6)), (target.Draft, target.DraftSavedAt));
        Assert.Single(target.History);

        Assert.Null(target.Submit(Ana, French, Source, Now.AddMinutes(7), Rules));
        Assert.Null(target.Draft);
    }

    [Fact]
    public void Only_the_claimant_saves_drafts_and_only_while_the_claim_lives()
    {
        var target = ClaimedBy(Ana, lease: TimeSpan.FromHours(1));

        Assert.IsType<NotYourClaim>(target.SaveDraft(Bo, HalfDone, Now, Rules));
        Assert.IsType<ClaimExpired>(target.SaveDraft(Ana, HalfDone, Now.AddHours(2), Rules));
        Assert.IsType<NotYourClaim>(Untranslated(Now).SaveDraft(Ana, HalfDone, Now, Rules));
    }

    [Fact]
    public void An_empty_draft_clears_the_draft()
    {
        var target = ClaimedBy(Ana);
        Assert.Null(target.SaveDraft(Ana, HalfDone, Now, Rules));

        Assert.Null(target.SaveDraft(Ana, new SegmentContent("", []), Now.AddMinutes(1), Rules));

        Assert.Equal((null, null), (target.Draft, target.DraftSavedAt));
    }

    [Fact]
    public void When_an_expired_claim_is_taken_over_the_draft_is_kept_in_history_as_a_suggestion()
    {
        var target = ClaimedBy(Ana, lease: TimeSpan.FromHours(1));
        Assert.Null(target.SaveDraft(Ana, HalfDone, Now.AddMinutes(30), Rules));

        // Saving the draft extended the claim by a full lease; once that has run out, Bo takes the segment over.
        Assert.Null(target.Claim(Lease(Bo, Now.AddDays(5), Now.AddDays(3)), Now.AddDays(3)));

        Assert.Null(target.Draft);
        Assert.Equal(Bo, target.ClaimedBy);
        Assert.Equal(
            [(TargetEventKind.Claimed, (Guid?)Ana, (string?)null), (TargetEventKind.Expired, null, null), (TargetEventKind.DraftSetAside, Ana, HalfDone.CodedText), (TargetEventKind.Claimed, Bo, null)],
            target.History.Select(e => (e.Kind, e.ActorId, e.Text)));
    }

    [Fact]
    public void Claiming_again_after_ones_own_claim_expired_keeps_the_draft()
    {
        var target = ClaimedBy(Ana, lease: TimeSpan.FromHours(1));
        Assert.Null(target.SaveDraft(Ana, HalfDone, Now.AddMinutes(30), Rules));

        Assert.Null(target.Claim(Lease(Ana, Now.AddDays(5), Now.AddDays(3)), Now.AddDays(3)));

        Assert.Equal(HalfDone.CodedText, target.Draft);
        Assert.DoesNotContain(target.History, e => e.Kind == TargetEventKind.DraftSetAside);
    }

    [Fact]
    public void Releasing_sets_the_draft_aside_too()
    {
        var target = ClaimedBy(Ana);
        Assert.Null(target.SaveDraft(Ana, HalfDone, Now, Rules));

        Assert.Null(target.Release(Ana, Now.AddMinutes(1)));

        Assert.Equal((TargetState.Untranslated, null), (target.State, target.Draft));
        Assert.Equal((TargetEventKind.DraftSetAside, (Guid?)Ana), (target.History[^1].Kind, target.History[^1].ActorId));
    }

    [Fact]
    public void A_review_claim_keeps_other_reviewers_off_until_it_ends()
    {
        var target = SubmittedBy(Ana);

        Assert.IsType<SelfReview>(target.ClaimReview(ReviewLease(Ana, Now.AddHours(48), Now), Now));
        Assert.Null(target.ClaimReview(ReviewLease(Bo, Now.AddHours(48), Now), Now));
        Assert.IsType<ClaimedForReview>(target.ClaimReview(ReviewLease(Cy, Now.AddHours(48), Now.AddHours(1)), Now.AddHours(1)));
        Assert.IsType<ClaimedForReview>(target.Approve(Cy, Now.AddHours(1)));

        // Once the review lease has run out, anyone else with the right may take it over.
        Assert.Null(target.Approve(Cy, Now.AddHours(49)));
        Assert.Equal((TargetState.Approved, (Guid?)null), (target.State, target.ReviewClaimedBy));
    }

    [Fact]
    public void The_holder_decides_or_gives_the_review_back()
    {
        var target = SubmittedBy(Ana);
        Assert.Null(target.ClaimReview(ReviewLease(Bo, Now.AddHours(48), Now), Now));

        Assert.IsType<NotYourClaim>(target.ReleaseReview(Cy, Now));
        Assert.Null(target.ReleaseReview(Bo, Now));
        Assert.Null(target.ReviewClaimedBy);
        Assert.Null(target.ClaimReview(ReviewLease(Cy, Now.AddHours(48), Now), Now));
        Assert.Null(target.Reject(Cy, "Use the UN term.", Now));
        Assert.Equal((TargetState.Rejected, (Guid?)null), (target.State, target.ReviewClaimedBy));
        Assert.IsType<NotAwaitingReview>(target.ClaimReview(ReviewLease(Bo, Now.AddHours(48), Now), Now));
    }

    [Fact]
    public void A_review_batch_that_ran_out_goes_back_to_the_queue_with_its_lapse_in_the_history()
    {
        var target = SubmittedBy(Ana);
        Assert.Null(target.ClaimReview(ReviewLease(Bo, Now.AddHours(48), Now), Now));

        Assert.IsType<ClaimStillLive>(target.ExpireReview(Now.AddHours(47)));
        Assert.Null(target.ExpireReview(Now.AddHours(48)));

        Assert.Equal((TargetState.Translated, (Guid?)null), (target.State, target.ReviewClaimedBy));
        var lapse = target.History[^1];
        Assert.Equal((TargetEventKind.ReviewExpired, (Guid?)null, Now.AddHours(48)), (lapse.Kind, lapse.ActorId, lapse.At));
        Assert.IsType<ClaimStillLive>(target.ExpireReview(Now.AddHours(49))); // nothing left to expire
    }
}
