using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Documents;

namespace Wgig.Translate.Api.Documents;

public static class UploadLimits
{
    // Room for the multipart envelope and form fields around the file itself.
    private const long EnvelopeBytes = 1024 * 1024;

    /// <summary>
    /// Bodies far over the document limit are cut off by the server while they stream in; uploads just
    /// over it reach the endpoint, which answers with the exact sizes.
    /// </summary>
    public static IServiceCollection AddUploadLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<DocumentLimits>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxUploadBytes + EnvelopeBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<DocumentLimits>>((form, limits) =>
            form.MultipartBodyLengthLimit = limits.Value.MaxUploadBytes + EnvelopeBytes);
        return services;
    }
}
