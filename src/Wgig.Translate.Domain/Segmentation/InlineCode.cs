using Wgig.Translate.Domain.Formats;
namespace Wgig.Translate.Domain.Segmentation;

public enum CodeKind
{
    /// <summary>Starts a span (bold, a link): XLIFF 2 &lt;pc&gt; or &lt;sc&gt;, 1.2 &lt;g&gt; or &lt;bx&gt;.</summary>
    Open,

    /// <summary>Ends the span its <see cref="InlineCode.Id"/> names: XLIFF 2 &lt;ec&gt;, 1.2 &lt;ex&gt;.</summary>
    Close,

    /// <summary>A placeholder (inline code, footnote reference, line break): XLIFF 2 &lt;ph&gt;, 1.2 &lt;x&gt;/&lt;ph&gt;.</summary>
    Standalone,
}

/// <summary>
/// Formatting or a placeholder inside a segment. Translators see a token they may move but not break;
/// <see cref="Data"/> is the original markup, written back verbatim on export. An open and its close
/// share an <see cref="Id"/>, unique within the segment (it becomes the XLIFF id).
/// </summary>
/// <param name="Type">What the code stands for: "bold", "italic", "link", "code", "footnote", "break", "html"….</param>
/// <param name="Display">What an editor shows for it, e.g. the link target or the code's text.</param>
public sealed record InlineCode(int Id, CodeKind Kind, string Type, string Data, string? Display = null);
