using System.Diagnostics;

namespace Enterprise.WebApi.Http;

public static class ProblemDetailsSetup
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>
    /// Every problem response (MVC, exception handler, status-code pages) gets <c>instance</c>,
    /// <c>traceId</c> and the correlation id, so a caller's report can be matched to the logs.
    /// </summary>
    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var httpContext = context.HttpContext;
            context.ProblemDetails.Instance ??= httpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
            if (CorrelationIdMiddleware.Current(httpContext) is { } correlationId)
            {
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            }
        });
        services.AddExceptionHandler<ConcurrencyConflictExceptionHandler>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();
        return services;
    }
}
