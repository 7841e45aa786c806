using Wgig.Translate.Api.Web.Editor;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Work;

namespace Wgig.Translate.Api.Web.Review;

/// <summary>A translation waiting for the reviewer: its segment, its version, and the version before it (for the diff).</summary>
/// <param name="Previous">The translation's previous version (an earlier submission or a reviewer's edit), if it has one.</param>
/// <param name="SubmittedAt">When the translator handed this version in.</param>
public sealed record ReviewItem(Segment Segment, Target Target, SegmentContent? Previous, DateTimeOffset? SubmittedAt);

/// <summary>What a review row shows again after a refused decision: what was typed and why.</summary>
public sealed record ReviewTyped(string? Comment, string? Correction, string Error, bool AskMissing = false);

/// <summary>Everything the review page shows.</summary>
/// <param name="Batch">The reviewer's review batch on this document × language, live or lately run out.</param>
/// <param name="Waiting">Translations others submitted that the reviewer could take into a batch now.</param>
/// <param name="Approved">How many the reviewer approved at once just before (shown as a notice).</param>
public sealed record ReviewView(DocumentLanguage Document, EditorPlace Place, HeldClaim? Batch, IReadOnlyList<ReviewItem> Items, int Waiting,
    IReadOnlyDictionary<Guid, string> Names, DateTimeOffset Now, IReadOnlyDictionary<Guid, ReviewTyped> Typed, FormErrors Errors, int? Approved);

