namespace Wgig.Translate.Api.Web.Editor;

/// <summary>The strings of the translation editor, the segment panel and the XLIFF report, in EditorText.{culture}.resx.</summary>
public sealed class EditorText;
