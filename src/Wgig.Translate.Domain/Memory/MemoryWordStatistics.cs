using System.Collections.Frozen;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Memory;

/// <summary>
/// How common the memories' words are, from PostgreSQL's own statistics of the word column (the most common elements
/// ANALYZE keeps for <c>source_words</c>, with the share of entries holding each): a fuzzy search anchors on the rarest
/// words of a segment, whose index entries are short. A word the statistics do not list is rarer than any they list.
/// Read again at most every ten minutes, by whichever lookup finds them stale; one instance serves the process.
/// </summary>
public sealed class MemoryWordStatistics(TimeProvider time)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(10);

    private Snapshot? _snapshot;

    /// <summary>The share of entries holding each listed word (0–1); unlisted words are missing.</summary>
    public async Task<IReadOnlyDictionary<string, float>> FrequenciesAsync(TranslationDb db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Volatile.Read(ref _snapshot) is { } current && now - current.ReadAt < Refresh)
        {
            return current.Frequencies;
        }
        var frequencies = new Dictionary<string, float>(StringComparer.Ordinal);
        await using (var reader = await MemoryStore.ReadAsync(db, """
            SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats
            WHERE schemaname = 'translate' AND tablename = 'memory_entries' AND attname = 'source_words' AND most_common_elems IS NOT NULL
            """, [], cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                var words = reader.GetFieldValue<string[]>(0);
                var shares = reader.GetFieldValue<float[]>(1);
                // The frequencies array has three more values than there are words (minimum, maximum, null share).
                for (var i = 0; i < words.Length && i < shares.Length; i++)
                {
                    frequencies[words[i]] = shares[i];
                }
            }
        }
        var snapshot = new Snapshot(frequencies.ToFrozenDictionary(StringComparer.Ordinal), now);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot.Frequencies;
    }

    private sealed record Snapshot(FrozenDictionary<string, float> Frequencies, DateTimeOffset ReadAt);
}
