using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Enterprise.WebApi.Problems;

/// <summary>
/// The fallback writer: ASP.NET Core's own writer declines when the request's <c>Accept</c> header names
/// no JSON type (a browser's <c>text/html</c>, say), and the framework then answers in plain text. An API
/// has one error format, so this writes the problem as <c>application/problem+json</c> regardless.
/// </summary>
internal sealed class AnyAcceptProblemDetailsWriter(IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ProblemFactory.Complete(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
            context.ProblemDetails, jsonOptions.Value.SerializerOptions, ProblemFactory.MediaType, context.HttpContext.RequestAborted));
    }
}
