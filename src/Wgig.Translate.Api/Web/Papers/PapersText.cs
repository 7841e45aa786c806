namespace Wgig.Translate.Api.Web.Papers;

/// <summary>The strings of the multilingual paper and the publish gate pages, in PapersText.{culture}.resx.</summary>
public sealed class PapersText;
