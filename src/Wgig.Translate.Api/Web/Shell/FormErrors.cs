namespace Wgig.Translate.Api.Web.Shell;

/// <summary>A problem with what someone sent, and the field (its element id) it is about, if any.</summary>
public sealed record FieldError(string? FieldId, string Message);

/// <summary>The problems of one form: listed in the page's error summary, each also shown at its field.</summary>
public sealed class FormErrors
{
    private readonly List<FieldError> _errors = [];

    public static FormErrors None { get; } = new();

    public IReadOnlyList<FieldError> All => _errors;

    public bool Any => _errors.Count > 0;

    public FormErrors Add(string? fieldId, string message)
    {
        _errors.Add(new FieldError(fieldId, message));
        return this;
    }

    public string? For(string fieldId) => _errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;
}
