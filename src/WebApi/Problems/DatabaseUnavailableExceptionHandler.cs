using Enterprise.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace Enterprise.WebApi.Problems;

/// <summary>
/// The database cannot be reached (after the provider's own retries): 503 with <c>Retry-After</c>, so
/// callers and load balancers back off and retry instead of treating it as a bug; the connection pool
/// reconnects by itself once the database is back.
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler(IDatabaseProvider provider) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!provider.IsTransientOrUnavailable(exception))
        {
            return false;
        }

        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await ProblemFactory.WriteAsync(
            httpContext,
            StatusCodes.Status503ServiceUnavailable,
            "Database.Unavailable",
            $"The database is not reachable right now; retry in {RetryAfterSeconds} seconds.",
            "Service unavailable");
    }
}
