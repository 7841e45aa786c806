using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Formats;

public sealed record TooDeeplyNested(int Limit) : InvalidInputError("Document too deeply nested",
    $"The document nests quotes, lists or brackets more than {Limit} levels deep, which no real paper does; it was not parsed.",
    new Dictionary<string, string[]> { ["file"] = [$"Nesting deeper than {Limit} levels."] });

public sealed record TooManyInlineCodes(int Limit) : InvalidInputError("Too many inline codes",
    $"A paragraph of the document carries more than {Limit} inline codes (links, emphasis, tags), which no real paper does; it was not imported.",
    new Dictionary<string, string[]> { ["file"] = [$"More than {Limit} inline codes in one paragraph."] });

public sealed record MalformedDocument(string Format, string Reason) : InvalidInputError("Malformed document",
    $"The file is not a readable {Format} document: {Reason}.",
    new Dictionary<string, string[]> { ["file"] = [$"Not a readable {Format} document: {Reason}."] });
