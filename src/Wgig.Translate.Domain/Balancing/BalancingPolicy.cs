namespace Wgig.Translate.Domain.Balancing;

public enum WorkKind
{
    Translate,
    Review,
}

/// <summary>A piece of open work to hand out: a batch of segments of one document × language.</summary>
/// <param name="TranslatorId">For review work, who translated it: they may not review it.</param>
/// <param name="LapsedBy">Who let this work lapse last: it goes to someone else if anyone can take it.</param>
public sealed record OpenWork(Guid Id, Guid DocumentId, string Language, WorkKind Kind, int Words, Guid? TranslatorId = null, Guid? LapsedBy = null);

/// <summary>What the policy knows of a volunteer at the moment it runs.</summary>
/// <param name="CapacityWordsPerWeek">Their limit on open words (<see cref="Claims.OpenWords.LimitFor"/>); 0 when they gave no capacity: the policy
/// then assumes <see cref="BalancingRules.AssumedCapacity"/>, a share that keeps proposals fair among people who did not say, while
/// their own claims may go up to the project's cap.</param>
/// <param name="OpenWords">Words they hold in live claims now.</param>
/// <param name="AvailableNow">In one of their availability windows, in their time zone, and not paused.</param>
/// <param name="Reliability">Share of their recent claims finished rather than left to lapse, 0 to 1; 1 for newcomers.</param>
/// <param name="CompletedWords">Words they have translated or reviewed so far; few marks a newcomer.</param>
public sealed record VolunteerLoad(
    Guid Id, IReadOnlySet<string> TranslatesInto, IReadOnlySet<string> ReviewsIn, int CapacityWordsPerWeek, int OpenWords,
    bool AvailableNow, double Reliability, int CompletedWords);

public sealed record Assignment(Guid WorkId, Guid VolunteerId);

public sealed record AssigneeWithoutRight(Guid VolunteerId, string VolunteerName, string Right, string Language) : Common.ConflictError("No right for this work",
    $"{VolunteerName} may not {Right} '{Language}' in this project; grant the right first.");

public sealed record AssigneeOverCapacity(Guid VolunteerId, string VolunteerName, int Held, int Limit, int Wanted) : Common.ConflictError("Over capacity",
    $"{VolunteerName} holds {Held:N0} words in live claims and may hold at most {Limit:N0} (their weekly capacity, within the project's cap): " +
    $"{Wanted:N0} more words would not fit. Give the batch to someone else, or make it smaller.");

/// <summary>Why nobody is proposed for a piece of work, for a page to say in its own language.</summary>
public enum NobodyBecause
{
    /// <summary>Nobody holds the right (translate into or review) the language.</summary>
    NoRight,

    /// <summary>Everyone who holds the right is paused or outside their availability now.</summary>
    NobodyAvailable,

    /// <summary>The only available reviewer translated the work.</summary>
    OnlyReviewerTranslatedIt,

    /// <summary>Every available volunteer with the right is at capacity.</summary>
    AllAtCapacity,

    /// <summary>Only the volunteer who let the work lapse could take it (the Worker's reassignment never gives it back).</summary>
    OnlyTheLapser,
}

/// <summary>Work nobody is proposed for, and why; <see cref="Reason"/> says it in English, for the JSON API and notices.</summary>
public sealed record Unassigned(Guid WorkId, NobodyBecause Why, WorkKind Kind, string Language, int Words)
{
    public string Reason => Describe(Why, Kind, Language, Words);

    public static string Describe(NobodyBecause why, WorkKind kind, string language, int words)
    {
        var right = kind == WorkKind.Translate ? "translate into" : "review";
        return why switch
        {
            NobodyBecause.NoRight => $"nobody may {right} '{language}'",
            NobodyBecause.NobodyAvailable => $"nobody who may {right} '{language}' is available now",
            NobodyBecause.OnlyReviewerTranslatedIt => "the only available reviewer translated it",
            NobodyBecause.OnlyTheLapser => "only the volunteer who let it lapse could take it",
            _ => $"every available volunteer who may {right} '{language}' is at capacity ({words:N0} more words would not fit)",
        };
    }
}

public sealed record BalancingProposal(IReadOnlyList<Assignment> Assignments, IReadOnlyList<Unassigned> Unassigned);

/// <param name="ReturnToLapser">Whether work may go back to the one who let it lapse when nobody else can take it
/// (a coordinator's preview: yes; the Worker's automatic reassignment: no, it goes back to the pool).</param>
public sealed record BalancingRules(int AssumedCapacity = 1_000, int NewcomerWords = 2_000, double ReliabilityWeight = 0.5, double NewcomerBonus = 0.25,
    bool ReturnToLapser = true);

/// <summary>
/// Proposes who takes which open work. A pure function: the same inputs give the same proposal, which a
/// coordinator previews and applies (or overrides). Work is taken in the order given (most urgent first);
/// each piece goes to the eligible volunteer who would be least loaded relative to their capacity after
/// taking it, corrected for reliability (people who let work lapse get less) and for newcomers (who get a
/// head start, so regulars cannot starve them). Eligible: the right for the language and kind, available
/// now, room left in their weekly capacity, not the translator of work to review, not the one who let it lapse.
/// </summary>
public static class BalancingPolicy
{
    public static BalancingProposal Propose(IReadOnlyList<OpenWork> work, IReadOnlyList<VolunteerLoad> volunteers, BalancingRules? rules = null)
    {
        rules ??= new BalancingRules();
        var load = volunteers.ToDictionary(v => v.Id, v => v.OpenWords);
        var assignments = new List<Assignment>();
        var unassigned = new List<Unassigned>();
        foreach (var piece in work)
        {
            var qualified = volunteers.Where(v => (piece.Kind == WorkKind.Translate ? v.TranslatesInto : v.ReviewsIn).Contains(piece.Language)).ToList();
            var eligible = qualified
                .Where(v => v.AvailableNow)
                .Where(v => piece.Kind != WorkKind.Review || v.Id != piece.TranslatorId)
                .Where(v => load[v.Id] + piece.Words <= Capacity(v, rules))
                .ToList();
            // Someone who let this very work lapse gets it back only when nobody else can take it.
            var fresh = eligible.Where(v => v.Id != piece.LapsedBy).ToList();
            var pool = fresh.Count > 0 || !rules.ReturnToLapser ? fresh : eligible;
            if (pool.Count == 0)
            {
                unassigned.Add(new Unassigned(piece.Id, eligible.Count > 0 ? NobodyBecause.OnlyTheLapser : Why(piece, qualified), piece.Kind, piece.Language, piece.Words));
                continue;
            }
            var chosen = pool.OrderBy(v => Score(v, load[v.Id] + piece.Words, rules)).ThenBy(v => v.Id).First();
            load[chosen.Id] += piece.Words;
            assignments.Add(new Assignment(piece.Id, chosen.Id));
        }
        return new BalancingProposal(assignments, unassigned);
    }

    private static int Capacity(VolunteerLoad volunteer, BalancingRules rules) =>
        volunteer.CapacityWordsPerWeek > 0 ? volunteer.CapacityWordsPerWeek : rules.AssumedCapacity;

    // Lower is better: the share of their capacity they would hold, less credit for reliability and newness.
    private static double Score(VolunteerLoad volunteer, int loadAfter, BalancingRules rules) =>
        (double)loadAfter / Capacity(volunteer, rules)
        + rules.ReliabilityWeight * (1 - Math.Clamp(volunteer.Reliability, 0, 1))
        - (volunteer.CompletedWords < rules.NewcomerWords ? rules.NewcomerBonus : 0);

    private static NobodyBecause Why(OpenWork piece, List<VolunteerLoad> qualified)
    {
        if (qualified.Count == 0)
        {
            return NobodyBecause.NoRight;
        }
        if (!qualified.Any(v => v.AvailableNow))
        {
            return NobodyBecause.NobodyAvailable;
        }
        if (piece.Kind == WorkKind.Review && qualified.All(v => v.Id == piece.TranslatorId || !v.AvailableNow))
        {
            return NobodyBecause.OnlyReviewerTranslatedIt;
        }
        return NobodyBecause.AllAtCapacity;
    }
}
