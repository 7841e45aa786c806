using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

using static Wgig.Translate.Domain.Tests.Targets.TargetFixtures;

namespace Wgig.Translate.Domain.Tests.Targets;

public sealed class TargetWorkflowTests
{
    private static Target Untranslated() => TargetFixtures.Untranslated(Now);

    [Fact]
    public void An_untranslated_segment_is_claimed_submitted_and_approved_by_someone_else()
    {
        var target = ClaimedBy(Ana);
        Assert.Equal((TargetState.Claimed, Ana), (target.State, target.ClaimedBy));

        Assert.Null(target.Submit(Ana, French, Source, Now.AddHours(1), Rules));
        Assert.Equal((TargetState.Translated, Ana, French.CodedText), (target.State, target.TranslatorId, target.Text));
        Assert.Null(target.ClaimedBy);

        Assert.Null(target.Approve(Bo, Now.AddHours(2)));
        Assert.Equal(TargetState.Approved, target.State);
        Assert.Equal(
            [(TargetEventKind.Claimed, (Guid?)Ana), (TargetEventKind.Submitted, Ana), (TargetEventKind.Approved, Bo)],
            target.History.Select(e => (e.Kind, e.ActorId)));
        Assert.Equal(French.CodedText, target.History[1].Text);
    }

    [Fact]
    public void A_rejection_goes_back_to_the_translator_with_the_comment()
    {
        var target = SubmittedBy(Ana);

        Assert.IsType<ReviewCommentRequired>(target.Reject(Bo, "  ", Now));
        Assert.Null(target.Reject(Bo, " Use the UN term. ", Now));

        Assert.Equal((TargetState.Rejected, "Use the UN term."), (target.State, target.ReviewComment));
        Assert.IsType<NotOpenForTranslation>(target.Claim(Lease(Cy, Now.AddDays(1), Now), Now));
        Assert.Null(target.Claim(Lease(Ana, Now.AddDays(1), Now), Now));
        Assert.Null(target.Submit(Ana, SegmentContent.FromText("Le Groupe s’est réuni."), Source, Now, Rules));
        Assert.Equal((TargetState.Translated, (string?)null), (target.State, target.ReviewComment));
    }

    [Fact]
    public void A_reviewer_can_edit_and_approve_and_the_edit_is_recorded_as_theirs()
    {
        var target = SubmittedBy(Ana);
        var correction = SegmentContent.FromText("Le Groupe s’est réuni.");

        Assert.Null(target.EditAndApprove(Bo, correction, Source, Now));

        Assert.Equal((TargetState.Approved, correction.CodedText, Ana), (target.State, target.Text, target.TranslatorId));
        Assert.Equal((TargetEventKind.EditedAndApproved, (Guid?)Bo, correction.CodedText), (target.History[^1].Kind, target.History[^1].ActorId, target.History[^1].Text));
    }

    [Fact]
    public void Nobody_reviews_their_own_translation()
    {
        var target = SubmittedBy(Ana);

        Assert.IsType<SelfReview>(target.Approve(Ana, Now));
        Assert.IsType<SelfReview>(target.Reject(Ana, "hmm", Now));
        Assert.IsType<SelfReview>(target.EditAndApprove(Ana, SegmentContent.FromText("Autre."), Source, Now));
        Assert.Equal(TargetState.Translated, target.State);
    }

    public static TheoryData<string, Type> IllegalClaims => new()
    {
        { "translated", typeof(NotOpenForTranslation) },
        { "approved", typeof(NotOpenForTranslation) },
        { "claimed by another", typeof(AlreadyClaimed) },
        { "retired", typeof(SegmentRetired) },
    };

    [Theory]
    [MemberData(nameof(IllegalClaims))]
    public void Claims_are_refused_where_the_workflow_does_not_allow_them(string situation, Type error)
    {
        var target = situation switch
        {
            "translated" => SubmittedBy(Ana),
            "approved" => Approved(),
            "claimed by another" => ClaimedBy(Ana),
            "retired" => TargetFixtures.Untranslated(Now, RetiredSegment()),
            _ => Untranslated(),
        };
        var before = (target.State, target.History.Count);

        var refused = target.Claim(Lease(Cy, Now.AddDays(2), Now.AddMinutes(5)), Now.AddMinutes(5));

        Assert.IsType(error, refused);
        Assert.Equal(before, (target.State, target.History.Count));

        static Target Approved()
        {
            var target = SubmittedBy(Ana);
            target.Approve(Bo, Now);
            return target;
        }
    }

    [Fact]
    public void An_expired_claim_can_be_taken_over_and_the_late_claimant_can_no_longer_submit()
    {
        var target = ClaimedBy(Ana, lease: TimeSpan.FromHours(1));

        Assert.IsType<ClaimExpired>(target.Submit(Ana, French, Source, Now.AddHours(2), Rules));
        Assert.Null(target.Claim(Lease(Bo, Now.AddHours(50), Now.AddHours(2)), Now.AddHours(2)));
        Assert.IsType<NotYourClaim>(target.Submit(Ana, French, Source, Now.AddHours(3), Rules));
        Assert.Null(target.Submit(Bo, French, Source, Now.AddHours(3), Rules));
    }

    [Fact]
    public void Work_under_a_claim_extends_the_whole_claim_and_refused_work_does_not()
    {
        var target = ClaimedBy(Ana, lease: TimeSpan.FromHours(2));
        var other = ClaimedBy(Ana, lease: TimeSpan.FromHours(2));
        var claim = target.Lease!;

        Assert.IsType<NotYourClaim>(target.SaveDraft(Bo, French, Now.AddHours(1), Rules));
        Assert.Equal(Now.AddHours(2), target.ClaimExpiresAt);
        Assert.Null(target.SaveDraft(Ana, French, Now.AddHours(1), Rules));

        // The expiry is the claim's, stored once: every segment of the batch runs a full lease from the activity.
        Assert.Equal(Now.AddHours(1) + Rules.LeaseLength, claim.ExpiresAt);
        Assert.Equal(claim.ExpiresAt, target.ClaimExpiresAt);
        Assert.Equal(Now.AddHours(2), other.ClaimExpiresAt);
        Assert.IsType<ClaimExpired>(other.Submit(Ana, French, Source, Now.AddHours(3), Rules));
    }

    [Theory]
    [InlineData(TargetState.Untranslated)]
    [InlineData(TargetState.NeedsUpdate)]
    [InlineData(TargetState.Rejected)]
    public void Releasing_or_expiring_returns_the_target_to_where_it_was(TargetState before)
    {
        Target Prepare()
        {
            if (before == TargetState.Untranslated)
            {
                return ClaimedBy(Ana);
            }
            var target = SubmittedBy(Ana);
            if (before == TargetState.Rejected)
            {
                target.Reject(Bo, "Use the UN term.", Now);
            }
            else
            {
                target.MarkSourceChanged(Now);
            }
            return ClaimedBy(Ana, target);
        }

        var released = Prepare();
        Assert.IsType<NotYourClaim>(released.Release(Bo, Now));
        Assert.Null(released.Release(Ana, Now));
        Assert.Equal(before, released.State);

        var expired = Prepare();
        Assert.IsType<ClaimStillLive>(expired.Expire(Now.AddHours(1)));
        Assert.Null(expired.Expire(Now.AddDays(3)));
        Assert.Equal((before, (Guid?)null, TargetEventKind.Expired), (expired.State, expired.ClaimedBy, expired.History[^1].Kind));
    }

    [Fact]
    public void Submitting_needs_a_real_translation()
    {
        var target = ClaimedBy(Ana);

        Assert.IsType<EmptyTranslation>(target.Submit(Ana, SegmentContent.FromText(" "), Source, Now, Rules));
        Assert.IsType<TranslationIsSource>(target.Submit(Ana, Source, Source, Now, Rules));
        Assert.IsType<NotYourClaim>(Untranslated().Submit(Ana, French, Source, Now, Rules));
        Assert.Equal(TargetState.Claimed, target.State);
    }

    [Fact]
    public void Review_needs_a_submitted_translation()
    {
        Assert.IsType<NotAwaitingReview>(Untranslated().Approve(Bo, Now));
        Assert.IsType<NotAwaitingReview>(ClaimedBy(Ana).Reject(Bo, "no", Now));
    }

    [Fact]
    public void An_edited_source_makes_finished_work_need_an_update_and_keeps_the_text()
    {
        var approved = SubmittedBy(Ana);
        approved.Approve(Bo, Now);
        var inProgress = ClaimedBy(Cy);

        approved.MarkSourceChanged(Now.AddDays(1));
        inProgress.MarkSourceChanged(Now.AddDays(1));

        Assert.Equal((TargetState.NeedsUpdate, French.CodedText), (approved.State, approved.Text));
        Assert.Equal(TargetEventKind.SourceChanged, approved.History[^1].Kind);
        Assert.Equal(TargetState.Claimed, inProgress.State);
        Assert.Null(ClaimedBy(Ana, approved).Submit(Ana, SegmentContent.FromText("Le groupe s’est réuni deux fois."), Source, Now.AddDays(1), Rules));
    }
}
