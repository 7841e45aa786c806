using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Formats;

public sealed record TooDeeplyNested(int Limit) : InvalidInputError("Document too deeply nested",
    $"The document nests quotes, lists or brackets more than {Limit} levels deep, which no real paper does; it was not parsed.",
    new Dictionary<string, string[]> { ["file"] = [$"Nesting deeper than {Limit} levels."] });

public sealed record MalformedDocument(string Format, string Reason) : InvalidInputError("Malformed document",
    $"The file is not a readable {Format} document: {Reason}.",
    new Dictionary<string, string[]> { ["file"] = [$"Not a readable {Format} document: {Reason}."] });
