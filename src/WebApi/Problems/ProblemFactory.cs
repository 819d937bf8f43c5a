using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Enterprise.WebApi.Http;

/// <summary>Problem responses as MVC results, for controllers and filters alike: RFC 9110 type, stable code, problem+json.</summary>
internal static class ProblemResults
{
    public static ObjectResult Create(HttpContext httpContext, int statusCode, string code, string detail)
    {
        var factory = httpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        return From(factory.CreateProblemDetails(httpContext, statusCode, detail: detail), code);
    }

    public static ObjectResult From(ProblemDetails problem, string code)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        problem.Type = ProblemTypes.For(status);
        // MVC only titles the statuses it maps itself; 428 and the like get the standard reason phrase.
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Extensions["code"] = code;
        return new ObjectResult(problem)
        {
            StatusCode = problem.Status,
            ContentTypes = { ProblemDetailsSetup.ProblemJson },
        };
    }
}
