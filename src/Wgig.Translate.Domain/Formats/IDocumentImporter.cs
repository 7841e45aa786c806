using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
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

    /// <summary>
    /// The document's translatable blocks, or why the bytes are refused. An import stops the work at its time limit through
    /// <paramref name="cancellationToken"/>: an importer checks it as it goes, so that a file slow in a way nobody foresaw
    /// does not keep a processor busy after its request was answered. A block with more inline codes than a segment holds
    /// throws <see cref="TooManyInlineCodesException"/> from wherever the walk meets it.
    /// </summary>
    Result<IReadOnlyList<SourceBlock>> Split(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>
    /// The original document with block <c>i</c>'s text replaced by <paramref name="blocks"/>[i], or
    /// left exactly as it was where that is null; everything that is not block text stays untouched. Formats that
    /// can say which language their text is in (DOCX, HTML) say it: the document in <paramref name="languages"/>'s
    /// target, written in its direction, and the blocks left in the source marked as the source.
    /// </summary>
    /// <remarks>An export stops the work at its time limit through <paramref name="cancellationToken"/>, as an import does.</remarks>
    Result<byte[]> Rebuild(ReadOnlyMemory<byte> original, IReadOnlyList<SegmentContent?> blocks, TextLanguages? languages = null,
        CancellationToken cancellationToken = default);
}
