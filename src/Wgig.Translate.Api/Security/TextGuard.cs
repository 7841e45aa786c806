using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Api.Security;

/// <summary>
/// The one check at the edge for every text a request brings in (JSON bodies, route values, query strings): each
/// string, however deep in the request, is held against <see cref="TextRules"/> (characters XML and PostgreSQL
/// cannot hold; at most 64 KB) before the endpoint runs. A refusal is a 400 naming each field and the position of
/// the character. Uploaded files are checked by their import.
/// </summary>
public sealed class TextGuard : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
        var errors = new ValidationErrors();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            Check(context.Arguments[i], i < parameters.Length ? parameters[i].Name ?? $"argument{i}" : $"argument{i}", errors, depth: 0);
        }
        return errors.Any ? errors.ToError("Text not accepted").ToProblem() : await next(context);
    }

    private static void Check(object? value, string path, ValidationErrors errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (TextRules.Problem(text) is { } problem)
                {
                    errors.Add(path, problem);
                }
                return;
            case IEnumerable items when depth < 6:
                var index = 0;
                foreach (var item in items)
                {
                    Check(item, $"{path}[{index++}]", errors, depth + 1);
                }
                return;
        }
        var type = value.GetType();
        if (depth >= 6 || !IsRequestRecord(type))
        {
            return;
        }
        foreach (var property in Properties.GetOrAdd(type, t => [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)]))
        {
            Check(property.GetValue(value), $"{path}.{char.ToLowerInvariant(property.Name[0])}{property.Name[1..]}", errors, depth + 1);
        }
    }

    // Requests and the values in them are records of this system; services and framework types are not looked into.
    private static bool IsRequestRecord(Type type) =>
        type.Namespace?.StartsWith("Wgig.Translate", StringComparison.Ordinal) == true && type.GetMethod("<Clone>$") is not null;
}
