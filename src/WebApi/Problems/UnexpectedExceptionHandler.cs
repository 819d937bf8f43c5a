using Microsoft.AspNetCore.Diagnostics;

namespace Enterprise.WebApi.Problems;

/// <summary>
/// The last resort: a 500 that says only that something failed and how to find it in the logs
/// (trace and correlation ids); never the exception's message, type, stack trace or SQL.
/// </summary>
internal sealed class UnexpectedExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A client that hung up is not a server error; there is nobody left to answer.
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        return await ProblemFactory.WriteAsync(
            httpContext,
            StatusCodes.Status500InternalServerError,
            code: null,
            "The request could not be completed. Quote the traceId when reporting this.",
            "An unexpected error occurred.");
    }
}
