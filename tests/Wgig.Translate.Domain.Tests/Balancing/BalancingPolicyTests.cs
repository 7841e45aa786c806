using Wgig.Translate.Domain.Balancing;

namespace Wgig.Translate.Domain.Tests.Balancing;

public sealed class BalancingPolicyTests
{
    private static readonly Guid Doc = Guid.Parse("00000000-0000-0000-0000-0000000000d0");

    // Volunteers by a one-letter name; ids sort in name order, which settles exact ties.
    private static Guid Id(char name) => Guid.Parse($"00000000-0000-0000-0000-0000000000{(int)name:x2}");

    private static VolunteerLoad V(char name, string translates = "fr", string reviews = "", int capacity = 1000, int open = 0,
        bool available = true, double reliability = 1, int completed = 50_000) =>
        new(Id(name), translates.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), reviews.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
            capacity, open, available, reliability, completed);

    private static OpenWork W(int n, int words = 100, string language = "fr", WorkKind kind = WorkKind.Translate, char? translator = null, char? lapsedBy = null) =>
        new(Guid.Parse($"00000000-0000-0000-0001-{n:D12}"), Doc, language, kind, words, translator is { } t ? Id(t) : null, lapsedBy is { } l ? Id(l) : null);

    private static string Outcome(BalancingProposal proposal, int works) => string.Join(" ", Enumerable.Range(1, works).Select(n =>
    {
        var id = Guid.Parse($"00000000-0000-0000-0001-{n:D12}");
        return proposal.Assignments.SingleOrDefault(a => a.WorkId == id) is { } assigned ? ((char)assigned.VolunteerId.ToByteArray()[15]).ToString() : "-";
    }));

    public static TheoryData<string, VolunteerLoad[], OpenWork[], string> Cases => new()
    {
        { "nobody has the right", [V('a', translates: "es")], [W(1)], "-" },
        { "nobody is available", [V('a', available: false), V('b', available: false)], [W(1)], "-" },
        { "one volunteer takes what fits", [V('a', capacity: 250)], [W(1), W(2), W(3)], "a a -" },
        { "capacities exhausted by open work", [V('a', open: 950), V('b', open: 990)], [W(1)], "-" },
        { "work is spread over equals", [V('a'), V('b')], [W(1), W(2), W(3), W(4)], "a b a b" },
        { "relative to capacity", [V('a', capacity: 3000), V('b', capacity: 1000)], [W(1), W(2), W(3), W(4)], "a a a b" },
        { "the less loaded first", [V('a', open: 500), V('b', open: 100)], [W(1)], "b" },
        { "a newcomer is not starved", [V('a'), V('b', completed: 0)], [W(1)], "b" },
        { "lapsing costs priority", [V('a', reliability: 0.2), V('b')], [W(1)], "b" },
        { "unavailable now is skipped", [V('a', available: false), V('b', open: 800)], [W(1)], "b" },
        { "reviewer differs from translator", [V('a', reviews: "fr"), V('b', reviews: "fr", open: 900)], [W(1, kind: WorkKind.Review, translator: 'a')], "b" },
        { "the translator is the only reviewer", [V('a', reviews: "fr")], [W(1, kind: WorkKind.Review, translator: 'a')], "-" },
        { "who let it lapse gets it last", [V('a'), V('b', open: 800)], [W(1, lapsedBy: 'a')], "b" },
        { "who let it lapse still gets it if nobody else can", [V('a'), V('b', available: false)], [W(1, lapsedBy: 'a')], "a" },
        { "work may exactly fill a capacity", [V('a', capacity: 200)], [W(1), W(2), W(3)], "a a -" },
        { "no capacity given: the assumed share", [V('a', capacity: 0)], [.. Enumerable.Range(1, 11).Select(n => W(n))], "a a a a a a a a a a -" },
        { "reliability above one counts as one", [V('a', reliability: 5, open: 500), V('b')], [W(1)], "b" },
        { "reliability below zero counts as zero", [V('a', reliability: -3), V('b', reliability: 0, open: 500)], [W(1)], "a" },
        { "a newcomer until the newcomer words", [V('a', completed: 2000), V('b', completed: 1999, open: 200)], [W(1)], "b" },
        { "the translator may translate it again", [V('a')], [W(1, translator: 'a')], "a" },
        { "languages and kinds are matched", [V('a', translates: "es", reviews: "fr"), V('b', translates: "fr")], [W(1, language: "es"), W(2, kind: WorkKind.Review, translator: 'b'), W(3)], "a a b" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Proposes_assignments(string situation, VolunteerLoad[] volunteers, OpenWork[] work, string expected)
    {
        var proposal = BalancingPolicy.Propose(work, volunteers);

        Assert.True(expected == Outcome(proposal, work.Length), $"{situation}: expected {expected}, got {Outcome(proposal, work.Length)}");
        Assert.Equal(work.Length, proposal.Assignments.Count + proposal.Unassigned.Count);
    }

    [Theory]
    [InlineData("es", "nobody may translate into 'fr'")]
    [InlineData("fr,unavailable", "nobody who may translate into 'fr' is available now")]
    [InlineData("fr,full", "every available volunteer who may translate into 'fr' is at capacity (100 more words would not fit)")]
    public void Says_why_work_stays_unassigned(string situation, string reason)
    {
        var volunteer = V('a', translates: situation.Split(',')[0], available: !situation.Contains("unavailable", StringComparison.Ordinal),
            open: situation.Contains("full", StringComparison.Ordinal) ? 950 : 0);

        var proposal = BalancingPolicy.Propose([W(1)], [volunteer]);

        Assert.Equal(reason, Assert.Single(proposal.Unassigned).Reason);
    }

    [Theory]
    [InlineData("", "nobody may review 'fr'")]
    [InlineData("translator,unavailable", "the only available reviewer translated it")]
    [InlineData("unavailable", "nobody who may review 'fr' is available now")]
    [InlineData("full", "every available volunteer who may review 'fr' is at capacity (100 more words would not fit)")]
    [InlineData("full,unavailable", "every available volunteer who may review 'fr' is at capacity (100 more words would not fit)")]
    public void Says_why_review_work_stays_unassigned(string situation, string reason)
    {
        var volunteers = new List<VolunteerLoad> { V('z', translates: "fr") };
        if (situation.Contains("translator", StringComparison.Ordinal))
        {
            volunteers.Add(V('a', reviews: "fr"));
        }
        if (situation.Contains("unavailable", StringComparison.Ordinal))
        {
            volunteers.Add(V('b', reviews: "fr", available: false));
        }
        if (situation.Contains("full", StringComparison.Ordinal))
        {
            volunteers.Add(V('c', reviews: "fr", open: 950));
        }

        var proposal = BalancingPolicy.Propose([W(1, kind: WorkKind.Review, translator: 'a')], volunteers);

        Assert.Equal(reason, Assert.Single(proposal.Unassigned).Reason);
        Assert.Empty(proposal.Assignments);
    }

    [Fact]
    public void Words_taken_count_against_capacity_for_the_rest_of_the_proposal()
    {
        var proposal = BalancingPolicy.Propose([W(1, words: 600), W(2, words: 600)], [V('a'), V('b', open: 300)]);

        Assert.Equal("a b", Outcome(proposal, 2));
    }

    [Fact]
    public void Automatic_reassignment_never_hands_lapsed_work_back_to_who_let_it_lapse()
    {
        var rules = new BalancingRules(ReturnToLapser: false);

        var onlyTheLapser = BalancingPolicy.Propose([W(1, lapsedBy: 'a')], [V('a'), V('b', available: false)], rules);
        var withABackup = BalancingPolicy.Propose([W(1, lapsedBy: 'a'), W(2, lapsedBy: 'a')], [V('a'), V('b'), V('c', open: 900)], rules);

        Assert.Equal("only the volunteer who let it lapse could take it", Assert.Single(onlyTheLapser.Unassigned).Reason);
        Assert.Equal("b b", Outcome(withABackup, 2));
    }

    [Fact]
    public void The_same_inputs_give_the_same_proposal()
    {
        VolunteerLoad[] volunteers = [V('a'), V('b'), V('c', completed: 0), V('d', reliability: 0.5)];
        OpenWork[] work = [.. Enumerable.Range(1, 12).Select(n => W(n, words: 50 + n))];

        Assert.Equal(BalancingPolicy.Propose(work, volunteers), BalancingPolicy.Propose(work, [.. volunteers.Reverse()]), new ProposalComparer());
    }

    private sealed class ProposalComparer : IEqualityComparer<BalancingProposal>
    {
        public bool Equals(BalancingProposal? x, BalancingProposal? y) =>
            x!.Assignments.SequenceEqual(y!.Assignments) && x.Unassigned.SequenceEqual(y.Unassigned);

        public int GetHashCode(BalancingProposal obj) => obj.Assignments.Count;
    }

    [Fact]
    public void A_coordinators_assignment_refused_says_who_what_and_what_to_do()
    {
        var volunteer = Id('a');

        Assert.Equal("Ana may not review 'fr' in this project; grant the right first.",
            new AssigneeWithoutRight(volunteer, "Ana", "review", "fr").Detail);
        Assert.Equal(("No right for this work", "Over capacity"),
            (new AssigneeWithoutRight(volunteer, "Ana", "review", "fr").Title, new AssigneeOverCapacity(volunteer, "Ana", 1, 2, 3).Title));
        Assert.Equal("Ana holds 900 words in live claims and may hold at most 1,000 (their weekly capacity, within the project's cap): " +
            "1,200 more words would not fit. Give the batch to someone else, or make it smaller.", new AssigneeOverCapacity(volunteer, "Ana", 900, 1000, 1200).Detail);
    }
}
