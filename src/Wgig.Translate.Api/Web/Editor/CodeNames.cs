using Microsoft.Extensions.Localization;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Api.Web.Editor;

/// <summary>What an inline code is called for a screen reader and in messages: "bold start", "link end", "footnote reference".</summary>
public static class CodeNames
{
    private static readonly HashSet<string> Named = ["bold", "italic", "underline", "link", "format", "code", "footnote", "break", "html", "image", "object"];

    public static string Name(InlineCode code, IStringLocalizer<EditorText> text) =>
        text[$"Code.{(Named.Contains(code.Type) ? code.Type : "other")}.{code.Kind}"];

    /// <summary>The short mark a pill shows for its kind of code ("B", "I", "🔗"…), beside its number.</summary>
    public static string Mark(InlineCode code) => code.Type switch
    {
        "bold" => "B",
        "italic" => "I",
        "underline" => "U",
        "link" => "↗",
        "footnote" => "¹",
        "break" => "↵",
        "image" => "▣",
        "code" => "</>",
        _ => "◆",
    };
}
