using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wgig.Translate.Domain.Storage;

/// <summary>A small list of values stored as one jsonb column, read and written with its row.</summary>
internal static class JsonColumn<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<IReadOnlyList<T>, string> Converter { get; } = new(
        values => JsonSerializer.Serialize(values, Options),
        json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>());

    public static ValueComparer<IReadOnlyList<T>> Comparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        values => values.Aggregate(0, (hash, value) => HashCode.Combine(hash, value)),
        values => values.ToList());
}
