using Enterprise.Application.Common.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace Enterprise.WebApi.Problems;

/// <summary>A write that lost a race is the caller's to retry: 409, not 500.</summary>
internal sealed class ConcurrencyConflictExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ConcurrencyConflictException conflict)
        {
            return false;
        }

        return await ProblemFactory.WriteAsync(httpContext, StatusCodes.Status409Conflict, "Concurrency.Conflict", conflict.Message);
    }
}
