using Enterprise.Application.Common.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Http;

/// <summary>A write that lost a race is the caller's to retry: 409, not 500.</summary>
internal sealed class ConcurrencyConflictExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ConcurrencyConflictException conflict)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Type = ProblemTypes.For(StatusCodes.Status409Conflict),
                Title = "Conflict",
                Detail = conflict.Message,
                Extensions = { ["code"] = "Concurrency.Conflict" },
            },
        });
    }
}
