namespace Wgig.Translate.Api.Web.Shell;

/// <summary>
/// Marks the web app's endpoints: a signed-out visitor is sent to the sign-in page instead of getting a
/// 401 problem, and the pages answer in HTML.
/// </summary>
public sealed class WebPageMetadata
{
    public static WebPageMetadata Instance { get; } = new();

    public static bool IsWebPage(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<WebPageMetadata>() is not null;
}
