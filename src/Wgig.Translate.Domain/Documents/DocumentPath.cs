using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Documents;

/// <summary>
/// A document's path inside its project, as it will be inside the document repository:
/// forward slashes, relative, no "." or ".." steps, no control characters.
/// </summary>
public sealed record DocumentPath
{
    public const int MaxLength = 400;

    private DocumentPath(string value) => Value = value;

    public string Value { get; }

    public string Extension => System.IO.Path.GetExtension(Value).ToLowerInvariant();

    public static Result<DocumentPath> Parse(string? input)
    {
        var path = (input ?? "").Trim().Replace('\\', '/');
        if (path.Length == 0)
        {
            return InvalidInputError.ForField("file", "The upload has no file name.");
        }
        if (path.Length > MaxLength)
        {
            return InvalidInputError.ForField("file", $"A document path has at most {MaxLength} characters.");
        }
        if (path.Any(char.IsControl))
        {
            return InvalidInputError.ForField("file", "A document path may not contain control characters.");
        }
        var steps = path.Split('/');
        if (path.StartsWith('/') || steps.Any(s => s is "" or "." or ".."))
        {
            return InvalidInputError.ForField("file", $"'{path}' is not a relative path without '.' or '..' steps.");
        }
        return new DocumentPath(path);
    }

    public override string ToString() => Value;
}
