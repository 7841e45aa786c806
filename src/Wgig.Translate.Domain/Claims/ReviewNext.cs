using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Claims;

public sealed record NothingToReview(Guid DocumentId, string Language)
    : ConflictError("Nothing to review", $"No submitted translation of document '{DocumentId}' in '{Language}' is waiting for you: the rest is reviewed, in other reviewers' batches, or your own.");

/// <summary>
/// Claims the next review batch of a document × language: submitted translations in document order, not
/// the reviewer's own, not in another review batch, up to a word budget, by <see cref="BatchFilling"/>'s
/// loop over the review queue. Concurrent reviewers split the queue between them.
/// </summary>
public sealed class ReviewNext(TranslationDb db, BatchFilling batches, IOptions<ClaimOptions> options, TimeProvider clock)
{
    /// <summary>Reading goes faster than translating: a review batch is twice a translation batch.</summary>
    public int BatchWordsFor(VolunteerProfile? profile) =>
        2 * (profile?.BatchWords(options.Value.LeaseLength, options.Value.DefaultBatchWords) ?? options.Value.DefaultBatchWords);

    /// <summary>
    /// Per document × language the reviewer holds the review right in, the submitted translations they
    /// could take into a review batch now, in path order.
    /// </summary>
    public Task<IReadOnlyList<OpenWork>> ReviewableAsync(Guid reviewerId, CancellationToken cancellationToken) =>
        batches.OpenWorkAsync(ClaimKind.Review, reviewerId, cancellationToken);

    public async Task<Result<ClaimedBatch>> ClaimAsync(Guid reviewerId, Guid documentId, string language, int? wordBudget,
        CancellationToken cancellationToken) =>
        await ClaimAsync(reviewerId, documentId, language, await VolunteerProfiles.StoredAsync(db, reviewerId, cancellationToken), wordBudget, cancellationToken);

    /// <summary>With the reviewer's stored profile already read (<see cref="Documents.DocumentLanguage.FindForWithProfileAsync"/>).</summary>
    public async Task<Result<ClaimedBatch>> ClaimAsync(Guid reviewerId, Guid documentId, string language, VolunteerProfile? profile, int? wordBudget,
        CancellationToken cancellationToken)
    {
        if (profile?.Paused == true)
        {
            return new VolunteerPaused(reviewerId, profile.PausedReason);
        }
        var rules = options.Value;
        var budget = wordBudget ?? BatchWordsFor(profile);
        var now = clock.GetUtcNow();
        var fill = await batches.FillAsync(new BatchFilling.Request(ClaimKind.Review, reviewerId, documentId, language, budget, int.MaxValue,
            now, rules.LeaseFrom(now)), cancellationToken);
        return fill.Batch is { } batch ? batch : new NothingToReview(documentId, language);
    }
}
