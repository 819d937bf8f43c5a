using Enterprise.WebApi.Problems;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Hardening;

/// <summary>
/// Refuses a body whose declared <c>Content-Length</c> is over the limit before anything reads it. Kestrel
/// enforces the same limit while reading (and for bodies without a length); this answers sooner, and also
/// behind hosts that do not enforce Kestrel's limits, such as the in-memory test server.
/// </summary>
internal sealed class DeclaredBodySizeMiddleware(RequestDelegate next, IOptions<KestrelServerOptions> kestrel)
{
    private readonly long? _maxRequestBodySize = kestrel.Value.Limits.MaxRequestBodySize;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > _maxRequestBodySize)
        {
            await ProblemFactory.WriteAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "Request.TooLarge",
                $"The request body exceeds the {_maxRequestBodySize} bytes this API accepts.",
                "Request body too large");
            return;
        }

        await next(context);
    }
}
