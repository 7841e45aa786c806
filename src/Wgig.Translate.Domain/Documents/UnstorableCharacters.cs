using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Documents;

/// <summary>
/// What an import does with characters storage or XML cannot hold (<see cref="TextRules"/>): refuse the document, naming
/// the first one (the default, and always for a repository's files, which keep their bytes as in the repository), or
/// replace each one with U+FFFD, visibly, and list where it was. Every other text that enters is only ever refused.
/// </summary>
public enum UnstorableCharacters
{
    Refuse,
    Replace,
}

/// <summary>The upload option that chooses <see cref="UnstorableCharacters"/>, as a form field sends it.</summary>
public static class UnstorableCharactersOption
{
    public const string Field = "unstorableCharacters";

    /// <summary>"refuse" (or nothing) or "replace", in any case; anything else is refused, naming what is allowed.</summary>
    public static Result<UnstorableCharacters> Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "REFUSE" => UnstorableCharacters.Refuse,
        "REPLACE" => UnstorableCharacters.Replace,
        _ => new UnknownUnstorableOption(value),
    };
}

public sealed record UnknownUnstorableOption(string Value) : InvalidInputError("Unknown option",
    $"{UnstorableCharactersOption.Field} is '{Value}'; allowed are 'refuse' (the default) and 'replace'.",
    new Dictionary<string, string[]> { [UnstorableCharactersOption.Field] = [$"'{Value}' is neither 'refuse' nor 'replace'."] });

/// <summary>
/// A character an import replaced with U+FFFD. In the file's text (<see cref="Line"/> and <see cref="Column"/> set,
/// <see cref="Character"/> counted in the text), or, for one a character reference such as <c>&amp;#1;</c> made, in a
/// segment's text (<see cref="Segment"/> set: its place in the document, from 1; <see cref="Character"/> counted in it).
/// </summary>
public sealed record CharacterReplacement(string CodePoint, int Character, int? Line = null, int? Column = null, int? Segment = null);

/// <summary>How many characters an import replaced, and the first <see cref="MaxListed"/> of them.</summary>
public sealed record Replacements(int Count, IReadOnlyList<CharacterReplacement> Listed)
{
    public const int MaxListed = 100;

    public static readonly Replacements None = new(0, []);

    public static Replacements Of(IEnumerable<CharacterReplacement> replaced)
    {
        var listed = new List<CharacterReplacement>();
        var count = 0;
        foreach (var replacement in replaced)
        {
            if (count++ < MaxListed)
            {
                listed.Add(replacement);
            }
        }
        return count == 0 ? None : new Replacements(count, listed);
    }

    /// <summary>The file's bytes (UTF-8 text) with every character storage cannot hold replaced, and where each was.</summary>
    public static (byte[] Content, Replacements Replaced) InText(string text, ReadOnlySpan<byte> original)
    {
        var replaced = Of(TextRules.Unstorable(text).Select(c => new CharacterReplacement(c.CodePoint, c.Character, c.Line, c.Column)));
        return replaced.Count == 0 ? (original.ToArray(), None) : (Formats.TextSplicer.Encode(TextRules.Clean(text), original), replaced);
    }

    /// <summary>Segments whose text holds such characters (made by character references), cleaned, and where each was.</summary>
    public static (IReadOnlyList<SegmentDraft> Drafts, Replacements Replaced) InSegments(IReadOnlyList<SegmentDraft> drafts)
    {
        var replaced = Of(drafts.SelectMany((draft, i) => TextRules.Unstorable(draft.Content.CodedText)
            .Select(c => new CharacterReplacement(c.CodePoint, c.Character, Segment: i + 1))));
        return replaced.Count == 0 ? (drafts, None)
            : ([.. drafts.Select(d => TextRules.FirstUnstorable(d.Content.CodedText) < 0 ? d
                : new SegmentDraft(d.Paragraph, d.Sentence, d.Block, new SegmentContent(TextRules.Clean(d.Content.CodedText), d.Content.Codes), d.SpaceAfter))],
                replaced);
    }

    public Replacements Plus(Replacements other) =>
        other.Count == 0 ? this : Count == 0 ? other : new(Count + other.Count, [.. Listed.Concat(other.Listed).Take(MaxListed)]);
}

/// <summary>A document holding a character storage or XML cannot hold, refused; for an upload, the answer says how to keep going.</summary>
public sealed record UnstorableInDocument(string Where, string Problem, bool MayReplace) : InvalidInputError("Character not accepted",
    Message(Where, Problem, MayReplace), new Dictionary<string, string[]> { ["file"] = [Message(Where, Problem, MayReplace)] })
{
    private static string Message(string where, string problem, bool mayReplace) =>
        $"{where}: {problem}" + (mayReplace
            ? " To import the document anyway with U+FFFD in place of each such character (each one listed in the answer), send the form field " + UnstorableCharactersOption.Field + "=replace."
            : " Correct the file where it comes from.");
}
