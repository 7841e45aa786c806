using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Formats;

/// <summary>Chooses the importer for an upload: by the format named, else by the file name's ending.</summary>
public sealed class ImporterCatalog(IEnumerable<IDocumentImporter> importers)
{
    private readonly IReadOnlyList<IDocumentImporter> _importers = [.. importers];

    public IReadOnlyCollection<string> KnownExtensions => [.. _importers.SelectMany(i => i.FileExtensions)];

    public IDocumentImporter For(FileFormat format) => _importers.Single(i => i.Format == format);

    /// <summary>
    /// The format a file is in, as far as it says: a zip package is DOCX whatever its name, else its name's ending
    /// tells; null when neither does.
    /// </summary>
    public FileFormat? FormatOf(string? fileName, ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return FileFormat.Docx;
        }
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return _importers.FirstOrDefault(i => i.FileExtensions.Contains(extension))?.Format;
    }

    public Result<IDocumentImporter> Choose(DocumentPath path, string? format)
    {
        if (!string.IsNullOrWhiteSpace(format))
        {
            var named = _importers.FirstOrDefault(i => string.Equals(i.Format.ToString(), format.Trim(), StringComparison.OrdinalIgnoreCase));
            return named is null
                ? InvalidInputError.ForField("format",
                    $"Unknown format '{format}'. Known formats: {string.Join(", ", _importers.Select(i => i.Format))}.")
                : Result<IDocumentImporter>.From(named);
        }
        var byExtension = _importers.FirstOrDefault(i => i.FileExtensions.Contains(path.Extension));
        return byExtension is null
            ? new UnknownDocumentFormat(path.Value, KnownExtensions)
            : Result<IDocumentImporter>.From(byExtension);
    }
}
