using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Wgig.Translate.Api.Problems;

/// <summary>
/// Binding failures on enum values, said in words: "state must be one of Untranslated, Claimed, …; got 'Done'." instead of the
/// framework's "Failed to bind parameter "Nullable&lt;TargetState&gt; state"". Query, route and form values name the value given;
/// a JSON body's reader does not keep it, so there the field's path and the allowed values are said.
/// </summary>
internal static partial class EnumBinding
{
    public static string? Describe(BadHttpRequestException exception, HttpContext httpContext)
    {
        if (exception.InnerException is JsonException { Path: { } path } json && JsonTarget().Match(json.Message) is { Success: true } target
            && EnumAt(target.Groups["type"].Value, path) is { } bodyEnum)
        {
            return $"{path.TrimStart('$').TrimStart('.')} must be one of {Values(bodyEnum)}.";
        }
        // The exception handler clears the endpoint before it runs; the feature keeps the one that failed.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        if (Parameter().Match(exception.Message) is { Success: true } parameter
            && endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
                .FirstOrDefault(p => p.Name == parameter.Groups["name"].Value) is { } declared
            && (Nullable.GetUnderlyingType(declared.ParameterType) ?? declared.ParameterType) is { IsEnum: true } queryEnum)
        {
            return $"{declared.Name} must be one of {Values(queryEnum)}; got '{parameter.Groups["value"].Value}'.";
        }
        return null;
    }

    private static string Values(Type type) => string.Join(", ", Enum.GetNames(type));

    // The reader names the enum ("System.Nullable`1[System.DayOfWeek]") or, for a record bound through its constructor, the record
    // ("Wgig.Translate.Domain.Profiles.AvailabilityWindow") whose property at the end of the path is the enum.
    private static Type? EnumAt(string name, string path)
    {
        var inner = NullableOf().Match(name) is { Success: true } nullable ? nullable.Groups["inner"].Value : name;
        var type = Type.GetType(inner) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.FullName?.StartsWith("Wgig.", StringComparison.Ordinal) == true).Select(a => a.GetType(inner)).FirstOrDefault(t => t is not null);
        var property = path[(path.LastIndexOf('.') + 1)..];
        var candidate = type is { IsEnum: true } ? type
            : type?.GetProperty(property, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        candidate = candidate is null ? null : Nullable.GetUnderlyingType(candidate) ?? candidate;
        return candidate is { IsEnum: true } ? candidate : null;
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\. Path:")]
    private static partial Regex JsonTarget();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();
}
