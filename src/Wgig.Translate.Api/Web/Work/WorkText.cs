namespace Wgig.Translate.Api.Web.Work;

/// <summary>The strings of My work and the notifications page, in WorkText.{culture}.resx.</summary>
public sealed class WorkText;
