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

public sealed record ExportTooSlow(TimeSpan Limit) : UnprocessableError("Document too complex",
    $"Writing the document with its translations took longer than the limit of {Limit.TotalSeconds:0.###} s; it was not exported.");

public sealed record SegmentNotFound(Guid DocumentId, Guid SegmentId)
    : NotFoundError("Segment not found", $"Document '{DocumentId}' has no segment with id '{SegmentId}'.");

public sealed record DocumentFromRepository(string Path) : ConflictError("Document kept in the repository",
    $"'{Path}' comes from the project's repository, so its new versions come from commits there (the next sync brings them in); " +
    "an upload would be undone by the next sync. To take the document out of the repository's care and upload its versions by hand " +
    "from now on, upload again with detach=true.");

public sealed record DocumentUploadedByHand(string Path) : ConflictError("Document uploaded by hand",
    $"'{Path}' was uploaded by hand, so a repository sync leaves it alone; upload its new versions by hand.");

public sealed record VersionFormatDiffers(string Path, FileFormat Document, FileFormat File, string? FileName) : UnsupportedFormatError("Different format",
    $"'{Path}' is a {Document} document, but {(FileName is null ? "the file" : $"'{FileName}'")} is {File}: a new version is in the document's own format. " +
    $"Upload a {Document} file, or upload this one as a new document.");
