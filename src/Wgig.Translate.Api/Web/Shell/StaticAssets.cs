using System.Security.Cryptography;

namespace Wgig.Translate.Api.Web.Shell;

/// <summary>
/// Versioned addresses of the stylesheet and scripts (<c>/js/editor.js?v=1a2b3c4d</c>): a browser keeps a
/// versioned file for a year and asks again only when it changed, which on a slow connection saves a
/// round trip per file and page.
/// </summary>
public sealed class StaticAssets(IWebHostEnvironment environment)
{
    private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Url(string path)
    {
        lock (_lock)
        {
            if (!_versions.TryGetValue(path, out var version))
            {
                var file = environment.WebRootFileProvider.GetFileInfo(path);
                if (!file.Exists)
                {
                    throw new InvalidOperationException($"No static file wwwroot/{path}.");
                }
                using var stream = file.CreateReadStream();
                version = Convert.ToHexStringLower(SHA256.HashData(stream).AsSpan(0, 5));
                _versions[path] = version;
            }
            return $"/{path}?v={version}";
        }
    }

    /// <summary>Versioned addresses are immutable: cache them for a year.</summary>
    public static void CacheVersioned(HttpContext http)
    {
        if (http.Request.Query.ContainsKey("v") && (http.Request.Path.StartsWithSegments("/css") || http.Request.Path.StartsWithSegments("/js")))
        {
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode == StatusCodes.Status200OK)
                {
                    http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
                return Task.CompletedTask;
            });
        }
    }
}
