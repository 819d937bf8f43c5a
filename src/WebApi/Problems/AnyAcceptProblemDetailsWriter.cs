using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Enterprise.WebApi.Http;

/// <summary>
/// The fallback writer: ASP.NET Core's own writer declines when the request's <c>Accept</c> header names
/// no JSON type (a browser's <c>text/html</c>, say), and the framework then answers in plain text. An API
/// has one error format, so this writes the problem as <c>application/problem+json</c> regardless.
/// </summary>
internal sealed class AnyAcceptProblemDetailsWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions)
    : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        problem.Type ??= ProblemTypes.For(response.StatusCode);
        problem.Title ??= ReasonPhrases.GetReasonPhrase(response.StatusCode);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync(problem, jsonOptions.Value.SerializerOptions, ProblemDetailsSetup.ProblemJson, context.HttpContext.RequestAborted));
    }
}
