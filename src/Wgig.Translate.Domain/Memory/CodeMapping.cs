using System.Text;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Memory;

/// <summary>
/// Puts a memory match's inline codes onto the current segment's: the k-th code of a kind and type in the
/// match's source becomes the k-th code of that kind and type in the current source (failing that, the k-th
/// of that kind), so "[bold]WSIS[/bold]" from another document carries this segment's bold. Codes with
/// no counterpart are left out and counted; the inline-codes check then says what the translator must add.
/// </summary>
public static class CodeMapping
{
    public static (SegmentContent Content, int Dropped) Map(string matchTarget, IReadOnlyList<InlineCode> matchCodes, SegmentContent current)
    {
        var byKey = Counterparts(matchCodes, current.Codes, c => $"{c.Kind}:{c.Type}");
        var byKind = Counterparts(matchCodes, current.Codes, c => c.Kind.ToString());
        var text = new StringBuilder(matchTarget.Length);
        var dropped = 0;
        foreach (var c in matchTarget)
        {
            if (!SegmentContent.IsMarker(c))
            {
                text.Append(c);
                continue;
            }
            var index = c - SegmentContent.FirstMarker;
            var mapped = index < matchCodes.Count ? byKey[index] ?? byKind[index] : null;
            if (mapped is { } to)
            {
                text.Append(SegmentContent.MarkerFor(to));
            }
            else
            {
                dropped++;
            }
        }
        return (new SegmentContent(text.ToString(), current.Codes), dropped);
    }

    // For each code of the match, the index of its counterpart among the current codes, by the n-th occurrence of its key.
    private static int?[] Counterparts(IReadOnlyList<InlineCode> from, IReadOnlyList<InlineCode> to, Func<InlineCode, string> key)
    {
        var available = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < to.Count; i++)
        {
            if (!available.TryGetValue(key(to[i]), out var list))
            {
                available[key(to[i])] = list = [];
            }
            list.Add(i);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int?[from.Count];
        for (var i = 0; i < from.Count; i++)
        {
            var k = key(from[i]);
            var nth = seen.GetValueOrDefault(k);
            seen[k] = nth + 1;
            result[i] = available.TryGetValue(k, out var list) && nth < list.Count ? list[nth] : null;
        }
        return result;
    }
}
