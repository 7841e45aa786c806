using Microsoft.Extensions.Localization;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Web.Shell;

/// <summary>
/// The workflow's refusals in the interface language and in the words of the page (no ids): the JSON API
/// says the same in English for scripts. An error not listed here shows the Domain's own message.
/// </summary>
public static class WebErrors
{
    public static string Describe(DomainError error, IStringLocalizer<ShellText> text) => error switch
    {
        NotYourClaim => text["Error.NotYourClaim"],
        ClaimExpired => text["Error.ClaimExpired"],
        ClaimNotLive => text["Error.ClaimNotLive"],
        ClaimNotFound or ReviewBatchNotFound => text["Error.ClaimNotFound"],
        EmptyTranslation => text["Error.EmptyTranslation"],
        TranslationIsSource => text["Error.TranslationIsSource"],
        ReviewCommentRequired => text["Error.ReviewCommentRequired"],
        SelfReview => text["Error.SelfReview"],
        NotAwaitingReview => text["Error.NotAwaitingReview"],
        ClaimedForReview => text["Error.ClaimedForReview"],
        NothingToClaim or NothingToClaimInProject => text["Error.NothingToClaim"],
        NothingToReview => text["Error.NothingToReview"],
        OpenWordsCapReached cap => text["Error.OpenWordsCap", cap.Held.ToString("N0", System.Globalization.CultureInfo.CurrentCulture),
            cap.Cap.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)],
        VolunteerPaused => text["Error.Paused"],
        TranslationChanged => text["Error.TranslationChanged"],
        NoLanguageRight right => right.Right == LanguageRight.Review
            ? text["Error.NoReviewRight", Languages.Name(right.Language, text)]
            : text["Error.NoTranslateRight", Languages.Name(right.Language, text)],
        NotATargetLanguage => text["Error.NotATargetLanguage"],
        ProjectNotFound or DocumentNotFound or SegmentNotFound => text["Error.NotFound"],
        InvitationNotValid => text["Error.InvitationNotValid"],
        EmailTaken => text["Error.EmailTaken"],
        SegmentRetired => text["Error.SegmentRetired"],
        ChosenSegmentsNotOpen => text["Error.ChosenSegmentsNotOpen"],
        WebAccess.NotAMember => text["Error.NotAMember"],
        _ => error.Detail,
    };
}
