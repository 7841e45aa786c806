using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Storage;

/// <summary>A segment's inline codes as one jsonb value: they are always read and written with the segment.</summary>
internal static class InlineCodesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ValueConverter<IReadOnlyList<InlineCode>, string> Converter { get; } = new(
        codes => JsonSerializer.Serialize(codes, Options),
        json => JsonSerializer.Deserialize<List<InlineCode>>(json, Options) ?? new List<InlineCode>());

    public static ValueConverter<IReadOnlyList<InlineCode>?, string?> NullableConverter { get; } = new(
        codes => codes == null ? null : JsonSerializer.Serialize(codes, Options),
        json => json == null ? null : JsonSerializer.Deserialize<List<InlineCode>>(json, Options));

    public static ValueComparer<IReadOnlyList<InlineCode>> Comparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        codes => codes.Aggregate(0, (hash, code) => HashCode.Combine(hash, code)),
        codes => codes.ToList());

    public static ValueComparer<IReadOnlyList<InlineCode>?> NullableComparer { get; } = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        codes => codes == null ? 0 : codes.Aggregate(0, (hash, code) => HashCode.Combine(hash, code)),
        codes => codes == null ? null : codes.ToList());
}
