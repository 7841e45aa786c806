using System.Collections.Frozen;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Memory;

/// <summary>
/// How common the memories' words are: the share of entries holding each of the commonest words, of how many entries.
/// A word not listed is rarer than every listed one (<see cref="Floor"/>).
/// </summary>
public sealed record WordFrequencies(IReadOnlyDictionary<string, float> Shares, double Entries)
{
    public static WordFrequencies None { get; } = new(FrozenDictionary<string, float>.Empty, 0);

    /// <summary>The share of the least common listed word: an unlisted word is held by fewer entries.</summary>
    public float Floor { get; } = Shares.Count == 0 ? 0 : Shares.Values.Min();

    /// <summary>The share of entries holding the word: an unlisted one is taken as half the least common listed one.</summary>
    public float ShareOf(string word) => Shares.TryGetValue(word, out var share) ? share : Floor / 2;
}

/// <summary>
/// Reads <see cref="WordFrequencies"/> from PostgreSQL's own statistics of the word column (the most common elements
/// ANALYZE keeps for <c>source_words</c>, with the share of entries holding each, and the table's row estimate): a fuzzy
/// search anchors on the rarest words of a segment, whose index entries are short. Read again at most every ten minutes,
/// by whichever lookup finds them stale; one instance serves the process.
/// </summary>
public sealed class MemoryWordStatistics(TimeProvider time)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(10);

    private Snapshot? _snapshot;

    public async Task<WordFrequencies> FrequenciesAsync(TranslationDb db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Volatile.Read(ref _snapshot) is { } current && now - current.ReadAt < Refresh)
        {
            return current.Frequencies;
        }
        var frequencies = WordFrequencies.None;
        await using (var reader = await MemoryStore.ReadAsync(db, """
            SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples::float8
            FROM pg_stats s JOIN pg_class c ON c.oid = 'translate.memory_entries'::regclass
            WHERE s.schemaname = 'translate' AND s.tablename = 'memory_entries' AND s.attname = 'source_words' AND s.most_common_elems IS NOT NULL
            """, [], cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                var words = reader.GetFieldValue<string[]>(0);
                var shares = reader.GetFieldValue<float[]>(1);
                // The shares array has three more values than there are words (minimum, maximum, share of nulls).
                var listed = new Dictionary<string, float>(StringComparer.Ordinal);
                for (var i = 0; i < words.Length && i < shares.Length; i++)
                {
                    listed[words[i]] = shares[i];
                }
                frequencies = new WordFrequencies(listed.ToFrozenDictionary(StringComparer.Ordinal), Math.Max(0, reader.GetDouble(2)));
            }
        }
        Volatile.Write(ref _snapshot, new Snapshot(frequencies, now));
        return frequencies;
    }

    private sealed record Snapshot(WordFrequencies Frequencies, DateTimeOffset ReadAt);
}
