using Wgig.Translate.Domain.Memory;

namespace Wgig.Translate.Domain.Tests.Memory;

public sealed class FuzzyAnchorsTests
{
    private static readonly string[] Sentences =
    [
        "The Working Group on Internet Governance met in Geneva from 23 to 25 November 2004.",
        "Multi-stakeholder participation is essential for the governance of the Internet.",
        "The World Summit on the Information Society asked the Secretary-General to set up the group.",
        "Spam, cybersecurity and cybercrime were among the public policy issues it identified.",
        "Developing countries should take part in the Internet's management on an equal footing.",
        "Le Groupe de travail s'est réuni à Genève du 23 au 25 novembre 2004.",
        "Рабочая группа по управлению Интернетом собралась в Женеве.",
        "工作组于2004年11月在日内瓦举行会议。",
    ];

    [Fact]
    public void Every_match_of_the_minimum_score_holds_one_of_the_anchors_whatever_the_word_frequencies()
    {
        var random = new Random(15);
        var vocabulary = Sentences.SelectMany(s => s.Split(' ')).Concat(["the", "of", "Tunis", "2005", ",", "."]).ToArray();
        var matches = 0;
        for (var round = 0; round < 4000; round++)
        {
            var current = Sentences[random.Next(Sentences.Length)];
            var entry = Edit(current, vocabulary, random);
            // Frequencies in any order: the anchors' choice changes, the guarantee must not.
            var frequencies = new WordFrequencies(MemoryEntry.WordsOf(current).ToDictionary(w => w, _ => (float)random.NextDouble(), StringComparer.Ordinal), 0);
            var anchors = FuzzyAnchors.For(current, 60, frequencies);
            if (MatchScoring.Compare(current, entry).Score < 60)
            {
                continue;
            }
            matches++;
            Assert.NotNull(anchors);
            var held = MemoryEntry.WordsOf(entry);
            Assert.True(anchors.Any(set => set.All(held.Contains)),
                $"“{entry}” scores 60 or more against “{current}” but holds none of {string.Join(" · ", anchors.Select(set => string.Join(" + ", set)))}");
        }
        Assert.InRange(matches, 1000, 4000);
    }

    [Fact]
    public void The_words_are_split_into_one_group_more_than_a_match_may_miss_each_led_by_a_rare_word()
    {
        // 11 units (10 words and the full stop): a 60 % match shares 7 of them and misses at most 4, so it holds a whole group of 5.
        var frequencies = new WordFrequencies(new Dictionary<string, float>(StringComparer.Ordinal) { ["the"] = 0.9f, ["of"] = 0.8f, ["in"] = 0.7f, ["group"] = 0.01f }, 100_000);

        var sets = FuzzyAnchors.For("The group of experts met in Tunis in the spring.", 60, frequencies)!;

        // Unlisted words are the rarest; the common ones narrow the group of the least rare leader.
        Assert.Equal([["experts"], ["spring"], ["tunis"], ["met"], ["group", "in", "of", "the"]], sets);
    }

    [Fact]
    public void A_segment_without_words_or_of_common_words_only_has_no_anchors_and_is_searched_by_trigrams()
    {
        Assert.Null(FuzzyAnchors.For("— … !", 60, WordFrequencies.None));
        Assert.Equal([["a"]], FuzzyAnchors.For("(a) — …", 60, WordFrequencies.None)); // fewer words than a match may miss: each is a group
        Assert.Null(FuzzyAnchors.For("", 60, WordFrequencies.None));
        var common = new WordFrequencies(new Dictionary<string, float>(StringComparer.Ordinal)
        {
            ["s"] = 0.3f, ["string"] = 0.05f, ["of"] = 0.4f, ["the"] = 0.5f, ["rare"] = 0.00001f,
        }, 1_000_000);
        Assert.Null(FuzzyAnchors.For("the string of the s", 60, common));
        // The group of the rare word stays; those only common words make up are left out.
        Assert.Equal([["rare"]], FuzzyAnchors.For("rare string of the s", 60, common));
    }

    // A sentence with one to four words replaced, dropped or added.
    private static string Edit(string sentence, string[] vocabulary, Random random)
    {
        var words = sentence.Split(' ').ToList();
        for (var n = random.Next(1, 5); n > 0 && words.Count > 1; n--)
        {
            var at = random.Next(words.Count);
            switch (random.Next(3))
            {
                case 0: words[at] = vocabulary[random.Next(vocabulary.Length)]; break;
                case 1: words.RemoveAt(at); break;
                default: words.Insert(at, vocabulary[random.Next(vocabulary.Length)]); break;
            }
        }
        return string.Join(' ', words);
    }
}
