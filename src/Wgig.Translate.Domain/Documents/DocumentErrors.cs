using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Documents;

public sealed record DocumentNotFound(Guid ProjectId, Guid DocumentId)
    : NotFoundError("Document not found", $"Project '{ProjectId}' has no document with id '{DocumentId}'.");

public sealed record DocumentPathTaken(string Path)
    : ConflictError("Document exists", $"The project already has a document '{Path}'. Upload a new version of it instead.");

public sealed record UploadTooLarge(long Length, long Limit)
    : TooLargeError("Upload too large", $"The upload is {Length:N0} bytes; the limit is {Limit:N0} bytes.");

public sealed record UnknownDocumentFormat(string Path, IReadOnlyCollection<string> Known)
    : UnsupportedFormatError("Unsupported document format",
        $"Cannot tell the format of '{Path}'. Use a file ending in {string.Join(", ", Known)}, or name the format.");

public sealed record EmptyDocument(string Path) : InvalidInputError("Empty document",
    $"'{Path}' has no text to translate.",
    new Dictionary<string, string[]> { ["file"] = [$"'{Path}' has no text to translate."] });

public sealed record NotUtf8(long ByteOffset, string Reason) : InvalidInputError("Not UTF-8 text",
    $"The file is not valid UTF-8: {Reason} (at byte {ByteOffset}).",
    new Dictionary<string, string[]> { ["file"] = [$"The file is not valid UTF-8: {Reason} (at byte {ByteOffset})."] });

public sealed record ImportTooSlow(TimeSpan Limit) : UnprocessableError("Document too complex",
    $"Reading and segmenting the file took longer than the limit of {Limit.TotalSeconds:0.###} s; it was not imported.");

public sealed record SegmentNotFound(Guid DocumentId, Guid SegmentId)
    : NotFoundError("Segment not found", $"Document '{DocumentId}' has no segment with id '{SegmentId}'.");
