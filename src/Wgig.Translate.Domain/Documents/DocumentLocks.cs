using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Documents;

/// <summary>
/// A new version and the claims of a document take turns: a version takes the document alone, claims share it, each
/// until its transaction ends. A claim that comes while a version is imported waits for it (instead of finding every
/// segment locked and saying there is nothing to claim), and an import never holds targets a claimer holds segments of,
/// so neither can deadlock the other. Advisory locks: they write nothing, so claimers do not slow each other down.
/// </summary>
public static class DocumentLocks
{
    /// <summary>For a new version: until the transaction ends, no claim of the document starts or is under way.</summary>
    public static Task ForVersionAsync(TranslationDb db, Guid documentId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({documentId}::text, {Seed}))", cancellationToken);

    /// <summary>For a claim, chosen segments or an assigned batch: waits for a new version under way, shares with other claims.</summary>
    public static Task ForClaimAsync(TranslationDb db, Guid documentId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared(hashtextextended({documentId}::text, {Seed}))", cancellationToken);

    /// <summary>The claim's lock as SQL, for a batch of statements that names the document as the parameter <c>@document</c>.</summary>
    public static readonly string ForClaimSql = $"SELECT pg_advisory_xact_lock_shared(hashtextextended(@document::text, {Seed}))";

    // Apart from other advisory locks keyed by a hash of the same text.
    private const long Seed = 0x646F63;
}
