using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;

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
        problem.Type = ProblemTypes.For(problem.Status ?? StatusCodes.Status500InternalServerError);
        problem.Extensions["code"] = code;
        return new ObjectResult(problem)
        {
            StatusCode = problem.Status,
            ContentTypes = { ProblemDetailsSetup.ProblemJson },
        };
    }
}
