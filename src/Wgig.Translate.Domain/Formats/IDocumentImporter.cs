using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Formats;

/// <summary>
/// Reads one document format into translatable blocks, and writes it back with translated blocks.
/// Implementations are found by scanning, so a new format is one new class. Both directions parse the
/// same bytes the same way, so block <c>i</c> of <see cref="Split"/> is block <c>i</c> of <see cref="Rebuild"/>.
/// </summary>
public interface IDocumentImporter
{
    FileFormat Format { get; }

    /// <summary>File name endings this importer claims, lower case with the dot (".md").</summary>
    IReadOnlyCollection<string> FileExtensions { get; }

    string MediaType { get; }

    /// <summary>
    /// Whether the format is UTF-8 text read through <see cref="SourceText"/>, so that an import may replace characters
    /// storage cannot hold in its bytes (Documents.UnstorableCharacters); false for packages such as DOCX.
    /// </summary>
    bool IsText { get; }

    Result<IReadOnlyList<SourceBlock>> Split(ReadOnlyMemory<byte> content);

    /// <summary>
    /// The original document with block <c>i</c>'s text replaced by <paramref name="blocks"/>[i], or
    /// left exactly as it was where that is null; everything that is not block text stays untouched.
    /// </summary>
    Result<byte[]> Rebuild(ReadOnlyMemory<byte> original, IReadOnlyList<SegmentContent?> blocks);
}
