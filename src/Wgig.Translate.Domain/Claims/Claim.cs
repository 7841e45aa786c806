namespace Wgig.Translate.Domain.Claims;

public enum ClaimKind
{
    /// <summary>Segments to translate.</summary>
    Translation,

    /// <summary>Submitted translations to review.</summary>
    Review,
}

/// <summary>
/// A volunteer's lease on a batch of segments of one document × language. The targets it covers carry its
/// id; its expiry is stored here only, so renewal and every activity that extends it write one row.
/// </summary>
public sealed class Claim
{
    private Claim()
    {
        Language = "";
    }

    public Guid Id { get; private set; }

    public Guid VolunteerId { get; private set; }

    public ClaimKind Kind { get; private set; }

    public Guid DocumentId { get; private set; }

    public string Language { get; private set; }

    public int Words { get; private set; }

    /// <summary>
    /// The words of the claim's segments not handed in yet (held: <see cref="Targets.TargetSql.HeldInClaim"/>), what the
    /// volunteer's cap counts (<see cref="OpenWords"/>). Kept by the database, in the statement that moves a target in or out
    /// of the claim, whichever path moved it (<see cref="OpenWords.TriggerSql"/>); zero when the claim is opened.
    /// </summary>
    public int OpenWords { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    /// <summary>When the Worker found the claim run out with segments still unfinished (set by its sweep).</summary>
    public DateTimeOffset? LapsedAt { get; private set; }

    /// <summary>A batch deadline a coordinator set when assigning it: activity never extends the claim past it.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public bool IsLiveAt(DateTimeOffset now) => ReleasedAt is null && ExpiresAt > now;

    /// <summary>
    /// Activity (renewing, submitting, saving a draft) extends the lease to a full lease from now, but
    /// never past the longest a claim may last (or its batch deadline) and never shorter than it was.
    /// A gain under <see cref="ClaimOptions.ExtensionStep"/> is not written: autosaves every few seconds
    /// then touch the claim once a minute, not on every save.
    /// </summary>
    public void Extend(DateTimeOffset now, ClaimOptions options)
    {
        var longest = DueAt ?? CreatedAt + options.MaxLeaseLength;
        var extended = options.LeaseFrom(now);
        var expiresAt = extended < longest ? extended : longest;
        if (ReleasedAt is null && expiresAt > ExpiresAt && (expiresAt - ExpiresAt >= options.ExtensionStep || expiresAt == longest))
        {
            ExpiresAt = expiresAt;
        }
    }

    /// <summary>The words of the segments the claim ended up with, when they are known only after opening it.</summary>
    public void Cover(int words) => Words = words;

    public void Release(DateTimeOffset now)
    {
        ReleasedAt ??= now;
        ExpiresAt = ExpiresAt < now ? ExpiresAt : now;
    }

    /// <summary>A new claim, running a full lease from now, or until its batch deadline when a coordinator set one.</summary>
    public static Claim Open(Guid volunteerId, Guid documentId, string language, DateTimeOffset now, ClaimOptions options,
        ClaimKind kind = ClaimKind.Translation, DateTimeOffset? dueAt = null) => new()
    {
        DueAt = dueAt,
        Id = Guid.CreateVersion7(now),
        VolunteerId = volunteerId,
        Kind = kind,
        DocumentId = documentId,
        Language = language,
        CreatedAt = now,
        ExpiresAt = dueAt ?? options.LeaseFrom(now),
    };
}

/// <summary>
/// A segment whose claim ran out, waiting for the rest of the escalation ladder (reassignment, notices).
/// The reclaim sweep writes these in its one statement; the ladder step consumes them a few claims at a
/// time, so the sweep's locks stay short however much work lapsed at once.
/// </summary>
public sealed class LapsedSegment
{
    public Guid ClaimId { get; private set; }

    public Guid SegmentId { get; private set; }
}
