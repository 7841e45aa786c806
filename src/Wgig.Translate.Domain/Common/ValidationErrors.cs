namespace Wgig.Translate.Domain.Common;

/// <summary>Collects every invalid field of one request, so the caller sees all of them at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }
        messages.Add(message);
    }

    public InvalidInputError ToError(string title)
    {
        var detail = string.Join(" ", _errors.Values.SelectMany(m => m));
        return new InvalidInputError(title, detail, _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
