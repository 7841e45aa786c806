namespace Wgig.Translate.Api.Web.Review;

/// <summary>The strings of the review page, in ReviewText.{culture}.resx.</summary>
public sealed class ReviewText;
