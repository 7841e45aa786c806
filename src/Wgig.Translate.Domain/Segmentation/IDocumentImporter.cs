using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;

namespace Wgig.Translate.Domain.Segmentation;

/// <summary>
/// Reads one document format into translatable blocks. Implementations are found by scanning,
/// so a new format is one new class.
/// </summary>
public interface IDocumentImporter
{
    DocumentFormat Format { get; }

    /// <summary>File name endings this importer claims, lower case with the dot (".md").</summary>
    IReadOnlyCollection<string> FileExtensions { get; }

    Result<IReadOnlyList<SourceBlock>> Split(ReadOnlyMemory<byte> content);
}
