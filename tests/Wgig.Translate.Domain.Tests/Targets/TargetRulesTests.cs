using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

using static Wgig.Translate.Domain.Tests.Targets.TargetFixtures;

namespace Wgig.Translate.Domain.Tests.Targets;

/// <summary>
/// The target's rules at their edges: the instant a lease ends, who a reserved segment is open to, what each
/// transition records, the right being taken away, pre-translation, muted checks and the limits on text.
/// </summary>
public sealed class TargetRulesTests
{
    private static readonly DateTimeOffset Ends = Now.AddHours(48);
    private static readonly Guid Coordinator = Guid.Parse("00000000-0000-0000-0000-0000000000c0");

    private static Target RejectedFrom(Guid translator)
    {
        var target = SubmittedBy(translator);
        Assert.Null(target.Reject(Bo, "Use the UN term.", Now.AddHours(2)));
        return target;
    }

    private static Target InReviewBy(Guid reviewer)
    {
        var target = SubmittedBy(Ana);
        Assert.Null(target.ClaimReview(ReviewLease(reviewer, Ends, Now.AddHours(1)), Now.AddHours(1)));
        return target;
    }

    [Fact]
    public void Targets_read_together_come_back_in_their_document_s_order_retired_ones_last()
    {
        var segments = Segments("The group met. It met twice. It wrote a report.");
        var first = Untranslated(Now, segments[0]);
        var second = Untranslated(Now, segments[1]);
        var third = Untranslated(Now, segments[2]);
        var retired = Untranslated(Now, RetiredSegment());

        Assert.Equal([first, second, third, retired], Target.InDocumentOrder([retired, third, first, second]));
    }

    [Fact]
    public void A_target_without_claims_has_no_expiries()
    {
        var target = Untranslated(Now);

        Assert.Null(target.ClaimExpiresAt);
        Assert.Null(target.ReviewClaimExpiresAt);
        Assert.True(target.IsOpenFor(Ana, Now));
    }

    [Theory]
    [InlineData(TargetState.Untranslated, false)]
    [InlineData(TargetState.Claimed, false)]
    [InlineData(TargetState.Translated, true)]
    [InlineData(TargetState.Approved, true)]
    [InlineData(TargetState.Rejected, false)]
    [InlineData(TargetState.NeedsUpdate, false)]
    public void Only_handed_in_and_approved_translations_count_as_translated(TargetState state, bool counts) =>
        Assert.Equal(counts, Target.CountsAsTranslated(state));

    [Fact]
    public void The_translation_as_content_takes_its_codes_from_the_source()
    {
        var source = new SegmentContent("See \uE000the annex\uE001.", [new InlineCode(1, CodeKind.Open, "link", "<a>"), new InlineCode(2, CodeKind.Close, "link", "</a>")]);
        var target = ClaimedBy(Ana);
        Assert.Null(target.ContentFor(source));

        Assert.Null(target.Submit(Ana, new SegmentContent("Voir \uE000l’annexe\uE001.", source.Codes), source, Now, Rules));

        var content = target.ContentFor(source)!;
        Assert.Equal(("Voir \uE000l’annexe\uE001.", source.Codes), (content.CodedText, content.Codes));
    }

    [Fact]
    public void A_live_claim_keeps_the_segment_from_everyone_until_the_instant_it_ends()
    {
        var target = ClaimedBy(Ana);

        Assert.False(target.IsOpenFor(Bo, Ends.AddTicks(-1)));
        Assert.False(target.IsOpenFor(Ana, Ends.AddTicks(-1)));
        Assert.IsType<AlreadyClaimed>(target.Claim(Lease(Bo, Ends.AddDays(2), Ends.AddTicks(-1)), Ends.AddTicks(-1)));

        Assert.True(target.IsOpenFor(Bo, Ends));
        Assert.Null(target.Claim(Lease(Bo, Ends.AddDays(2), Ends), Ends));
        Assert.Equal((TargetState.Claimed, (Guid?)Bo), (target.State, target.ClaimedBy));
    }

    [Fact]
    public void A_rejected_segment_whose_claim_ran_out_stays_reserved_for_its_translator()
    {
        var target = ClaimedBy(Ana, RejectedFrom(Ana));

        Assert.False(target.IsOpenFor(Cy, Ends));
        Assert.True(target.IsOpenFor(Ana, Ends));
        var refused = Assert.IsType<NotOpenForTranslation>(target.Claim(Lease(Cy, Ends.AddDays(2), Ends), Ends));
        Assert.Equal(TargetState.Rejected, refused.State);
        Assert.Null(target.Claim(Lease(Ana, Ends.AddDays(2), Ends), Ends));
    }

    [Fact]
    public void A_claim_runs_out_at_its_expiry_not_a_tick_later()
    {
        var target = ClaimedBy(Ana);

        Assert.IsType<ClaimStillLive>(target.Expire(Ends.AddTicks(-1)));
        var expired = Assert.IsType<ClaimExpired>(target.SaveDraft(Ana, French, Ends, Rules));
        Assert.Equal(Ends, expired.ExpiredAt);
        Assert.Null(target.Expire(Ends));
        Assert.Equal(TargetState.Untranslated, target.State);
    }

    [Fact]
    public void Submitting_one_segment_extends_the_claim_on_the_rest_of_the_batch()
    {
        var claim = Lease(Ana, Now.AddHours(2), Now);
        var first = Untranslated(Now);
        var second = Untranslated(Now);
        Assert.Null(first.Claim(claim, Now));
        Assert.Null(second.Claim(claim, Now));

        Assert.Null(first.Submit(Ana, French, Source, Now.AddHours(1), Rules));

        Assert.Equal(Now.AddHours(1) + Rules.LeaseLength, second.ClaimExpiresAt);
    }

    [Fact]
    public void Submitting_under_someone_elses_claim_is_refused_for_the_claim_before_the_text_is_judged()
    {
        var target = ClaimedBy(Ana);

        Assert.IsType<NotYourClaim>(target.Submit(Bo, SegmentContent.FromText(" "), Source, Now, Rules));
        Assert.IsType<NotYourClaim>(target.SubmitProblem(Bo, Source, Source, Now));
    }

    [Fact]
    public void Review_claims_and_their_release_are_recorded_with_the_reviewer()
    {
        var target = InReviewBy(Bo);
        Assert.Equal((TargetEventKind.ReviewClaimed, (Guid?)Bo), (target.History[^1].Kind, target.History[^1].ActorId));
        Assert.Equal(Ends, target.ReviewClaimExpiresAt);

        Assert.Null(target.ReleaseReview(Bo, Now.AddHours(2)));

        Assert.Equal((TargetEventKind.ReviewReleased, (Guid?)Bo, Now.AddHours(2)), (target.History[^1].Kind, target.History[^1].ActorId, target.History[^1].At));
        Assert.Null(target.ReviewClaimExpiresAt);
    }

    [Fact]
    public void Another_reviewer_decides_from_the_instant_the_review_claim_ends()
    {
        var target = InReviewBy(Bo);

        Assert.IsType<ClaimedForReview>(target.Approve(Cy, Ends.AddTicks(-1)));
        Assert.Null(target.Approve(Cy, Ends));
        Assert.Equal((TargetState.Approved, (Guid?)null), (target.State, target.ReviewClaimedBy));
    }

    [Fact]
    public void Every_decision_ends_the_review_claim()
    {
        var edited = InReviewBy(Bo);
        Assert.Null(edited.EditAndApprove(Bo, SegmentContent.FromText("Le Groupe s’est réuni."), Source, Now.AddHours(2)));
        Assert.Null(edited.ReviewClaimedBy);

        var rejected = InReviewBy(Bo);
        Assert.Null(rejected.Reject(Bo, " Use the UN term. ", Now.AddHours(2)));
        Assert.Null(rejected.ReviewClaimedBy);
        Assert.Equal((TargetEventKind.Rejected, (Guid?)Bo, "Use the UN term."), (rejected.History[^1].Kind, rejected.History[^1].ActorId, rejected.History[^1].Comment));
    }

    [Fact]
    public void A_review_comment_may_be_as_long_as_the_limit_and_no_longer()
    {
        var longest = new string('x', Target.MaxCommentLength);

        var tooLong = Assert.IsType<InvalidInputError>(SubmittedBy(Ana).Reject(Bo, longest + "y", Now), exactMatch: false);
        Assert.Contains($"at most {Target.MaxCommentLength} characters; this one has {Target.MaxCommentLength + 1}", tooLong.Detail, StringComparison.Ordinal);
        Assert.Equal(["comment"], tooLong.Errors.Keys);

        var target = SubmittedBy(Ana);
        Assert.Null(target.Reject(Bo, $"  {longest} ", Now));
        Assert.Equal(longest, target.ReviewComment);
    }

    [Fact]
    public void Losing_the_right_to_translate_ends_the_claim_with_who_and_why_and_keeps_the_draft_as_a_suggestion()
    {
        var target = ClaimedBy(Ana);
        Assert.Null(target.SaveDraft(Ana, French, Now.AddMinutes(5), Rules));

        Assert.IsType<NotYourClaim>(target.EndClaimForLostRight(Bo, Coordinator, "Left the team.", Now.AddMinutes(10)));
        Assert.IsType<NotYourClaim>(Untranslated(Now).EndClaimForLostRight(Ana, Coordinator, "Left the team.", Now.AddMinutes(10)));
        Assert.Equal(TargetState.Claimed, target.State);

        Assert.Null(target.EndClaimForLostRight(Ana, Coordinator, "Left the team.", Now.AddMinutes(10)));

        Assert.Equal((TargetState.Untranslated, (Guid?)null, (string?)null), (target.State, target.ClaimedBy, target.Draft));
        Assert.Equal(
            [(TargetEventKind.ClaimEndedRightRevoked, (Guid?)Coordinator, (string?)null, (string?)"Left the team."),
             (TargetEventKind.DraftSetAside, Ana, French.CodedText, null)],
            target.History.TakeLast(2).Select(e => (e.Kind, e.ActorId, e.Text, e.Comment)));
    }

    [Fact]
    public void Losing_the_right_to_review_sends_the_translation_back_to_the_queue_with_who_and_why()
    {
        var target = InReviewBy(Bo);

        Assert.IsType<NotYourClaim>(target.EndReviewForLostRight(Cy, Coordinator, "Left the team.", Now.AddHours(2)));
        Assert.IsType<NotYourClaim>(ClaimedBy(Ana).EndReviewForLostRight(Bo, Coordinator, "Left the team.", Now.AddHours(2)));
        Assert.Equal((TargetEventKind.ReviewClaimed, (Guid?)Bo), (target.History[^1].Kind, target.ReviewClaimedBy));

        Assert.Null(target.EndReviewForLostRight(Bo, Coordinator, "Left the team.", Now.AddHours(2)));

        Assert.Equal((TargetState.Translated, (Guid?)null), (target.State, target.ReviewClaimedBy));
        Assert.Equal((TargetEventKind.ReviewEndedRightRevoked, (Guid?)Coordinator, "Left the team."),
            (target.History[^1].Kind, target.History[^1].ActorId, target.History[^1].Comment));
    }

    [Fact]
    public void A_coordinator_pretranslates_only_untranslated_segments_and_the_history_says_so()
    {
        var target = Untranslated(Now);

        Assert.IsType<EmptyTranslation>(target.Pretranslate(Coordinator, SegmentContent.FromText(" "), Source, "TM exact match", Now));
        Assert.Null(target.Pretranslate(Coordinator, French, Source, "TM exact match", Now));

        Assert.Equal((TargetState.Translated, (Guid?)Coordinator, French.CodedText), (target.State, target.TranslatorId, target.Text));
        Assert.Equal((TargetEventKind.Pretranslated, (Guid?)Coordinator, French.CodedText, "TM exact match"),
            (target.History[^1].Kind, target.History[^1].ActorId, target.History[^1].Text, target.History[^1].Comment));
        var refused = Assert.IsType<NotOpenForTranslation>(ClaimedBy(Ana).Pretranslate(Coordinator, French, Source, "TM", Now));
        Assert.Equal(TargetState.Claimed, refused.State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Muting_a_check_needs_a_reason(string? reason)
    {
        var target = Untranslated(Now);

        var refused = Assert.IsType<MuteReasonRequired>(target.MuteCheck(Ana, "numbers", reason, Now));

        Assert.Equal("numbers", refused.Check);
        Assert.Empty(target.History);
    }

    [Fact]
    public void Muted_checks_are_read_back_from_the_history_until_unmuted()
    {
        var target = Untranslated(Now);

        Assert.Null(target.MuteCheck(Ana, "numbers", " Roman numerals: kept as in the source ", Now));
        Assert.Null(target.MuteCheck(Bo, "length", "A legal title.", Now));
        target.UnmuteCheck(Cy, "length", Now);

        Assert.Equal((TargetEventKind.CheckMuted, (Guid?)Ana, "numbers: Roman numerals: kept as in the source"),
            (target.History[0].Kind, target.History[0].ActorId, target.History[0].Comment));
        Assert.Equal((TargetEventKind.CheckUnmuted, (Guid?)Cy, "length"), (target.History[^1].Kind, target.History[^1].ActorId, target.History[^1].Comment));
        Assert.Equal(new Dictionary<string, string> { ["numbers"] = "Roman numerals: kept as in the source" }, Target.MutedChecks(target.History));
    }

    [Fact]
    public void Muted_checks_ignore_events_of_other_kinds_and_comments_without_a_check_name()
    {
        var target = SubmittedBy(Ana);
        Assert.Null(target.Reject(Bo, "numbers: wrong", Now));
        Assert.Null(target.MuteCheck(Ana, "numbers", "ok", Now));
        var history = target.History.Append(target.History[^1] with { Comment = ": no name" })
            .Append(target.History[^1] with { Kind = TargetEventKind.Submitted, Comment = "length" });

        Assert.Equal(new Dictionary<string, string> { ["numbers"] = "ok" }, Target.MutedChecks(history));
    }

    [Fact]
    public void An_edited_source_sends_finished_work_back_and_says_so()
    {
        var inReview = InReviewBy(Bo);

        Assert.True(inReview.MarkSourceChanged(Now.AddDays(1)));
        Assert.Equal((TargetState.NeedsUpdate, (Guid?)null), (inReview.State, inReview.ReviewClaimedBy));
        Assert.False(Untranslated(Now).MarkSourceChanged(Now.AddDays(1)));
        Assert.False(ClaimedBy(Ana).MarkSourceChanged(Now.AddDays(1)));
    }

    [Fact]
    public void A_rejected_segment_under_a_new_claim_returns_as_needing_an_update_when_its_source_changed_meanwhile()
    {
        var target = ClaimedBy(Ana, RejectedFrom(Ana));

        Assert.False(target.MarkSourceChanged(Now.AddHours(3)));
        Assert.Equal(TargetState.Claimed, target.State);
        Assert.Null(target.Release(Ana, Now.AddHours(4)));

        Assert.Equal(TargetState.NeedsUpdate, target.State);
    }

    [Fact]
    public void A_translation_may_be_as_long_as_the_limit_for_its_source_and_must_be_storable()
    {
        var limit = TextRules.TranslationLimit(Source.PlainText.Length);
        var target = ClaimedBy(Ana);

        var tooLong = Assert.IsType<TranslationTooLong>(target.Submit(Ana, SegmentContent.FromText(new string('x', limit + 1)), Source, Now, Rules));
        Assert.Equal((limit + 1, limit), (tooLong.Length, tooLong.Limit));
        var unstorable = Assert.IsType<UnstorableText>(target.Submit(Ana, SegmentContent.FromText("Le groupe\u0001."), Source, Now, Rules));
        Assert.Equal("text", unstorable.Field);
        Assert.Contains("cannot be stored", unstorable.Problem, StringComparison.Ordinal);
        Assert.Equal(TargetState.Claimed, target.State);

        Assert.Null(target.Submit(Ana, SegmentContent.FromText(new string('x', limit)), Source, Now, Rules));
    }

    [Fact]
    public void A_target_follows_its_segment_out_of_the_document_and_back()
    {
        var segment = Segment();
        var target = Untranslated(Now, segment);

        target.Place(RetiredSegment());
        Assert.Equal(((int?)null, true), (target.Ordinal, target.IsRetired));

        target.Place(segment);
        Assert.Equal(((int?)segment.Ordinal, false), (target.Ordinal, target.IsRetired));
    }

    [Fact]
    public void Events_are_numbered_from_one_in_the_order_they_happen()
    {
        var target = RejectedFrom(Ana);

        Assert.Equal([1, 2, 3], target.History.Select(e => e.Sequence));
    }
}
