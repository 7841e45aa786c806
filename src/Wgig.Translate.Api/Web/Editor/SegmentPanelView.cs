using Wgig.Translate.Domain.Comments;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Suggestions;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Web.Editor;

/// <summary>
/// The side panel of one segment × language: the sentences around it, the suggestions (which the
/// translation memory, glossary and machine translation sources will fill too), every version with its
/// author, and the comment thread.
/// </summary>
public sealed record SegmentPanelView(
    EditorPlace Place, TranslationContext Translation, Segment? Before, Segment? After, IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<TargetEvent> History, IReadOnlyList<ThreadEntry> Thread, IReadOnlyDictionary<Guid, string> Names, bool Editable,
    Shell.FormErrors Errors, string? TypedComment = null);
