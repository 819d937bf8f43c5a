using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Http;

internal static class ProblemWriter
{
    /// <summary>Writes a problem response from an exception handler; the problem-details customisation adds the request's ids.</summary>
    public static ValueTask<bool> WriteProblemAsync(
        this IProblemDetailsService problemDetails,
        HttpContext httpContext,
        int statusCode,
        string title,
        string detail,
        string? code = null)
    {
        httpContext.Response.StatusCode = statusCode;
        var problem = new ProblemDetails
        {
            Status = statusCode,
            Type = ProblemTypes.For(statusCode),
            Title = title,
            Detail = detail,
        };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        return problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
