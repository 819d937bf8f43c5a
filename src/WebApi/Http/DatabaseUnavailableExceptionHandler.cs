using Enterprise.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Http;

/// <summary>
/// The database cannot be reached (after the provider's own retries): 503 with <c>Retry-After</c>, so
/// callers and load balancers back off and retry instead of treating it as a bug; the connection pool
/// reconnects by itself once the database is back.
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler(IDatabaseProvider provider, IProblemDetailsService problemDetails) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!provider.IsTransientOrUnavailable(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemTypes.For(StatusCodes.Status503ServiceUnavailable),
                Title = "Service unavailable",
                Detail = $"The database is not reachable right now; retry in {RetryAfterSeconds} seconds.",
                Extensions = { ["code"] = "Database.Unavailable" },
            },
        });
    }
}
