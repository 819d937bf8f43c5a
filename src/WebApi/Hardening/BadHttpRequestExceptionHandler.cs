using Enterprise.WebApi.Problems;
using Microsoft.AspNetCore.Diagnostics;

namespace Enterprise.WebApi.Hardening;

/// <summary>
/// Kestrel raises <see cref="BadHttpRequestException"/> while the application reads a request it refuses
/// (a body over the size limit, a malformed chunk); it carries its own 4xx status, so it is a problem response
/// for the caller, not a 500.
/// </summary>
internal sealed class BadHttpRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        return badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? await ProblemFactory.WriteAsync(
                httpContext,
                StatusCodes.Status413PayloadTooLarge,
                "Request.TooLarge",
                "The request body exceeds the size this API accepts.",
                "Request body too large")
            : await ProblemFactory.WriteAsync(
                httpContext,
                badRequest.StatusCode,
                "Request.Invalid",
                "The request could not be read.",
                "Bad request");
    }
}
