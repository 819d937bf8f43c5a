using System.Diagnostics;
using Enterprise.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
            var problem = context.ProblemDetails;
            problem.Instance ??= httpContext.Request.Path;
            if (!problem.Extensions.ContainsKey("code") && DefaultCode(problem.Status) is { } code)
            {
                problem.Extensions["code"] = code;
                problem.Detail ??= DefaultDetail(problem.Status);
            }

            problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
            if (CorrelationIdMiddleware.Current(httpContext) is { } correlationId)
            {
                problem.Extensions["correlationId"] = correlationId;
            }
        });
        // After the framework's writer, so it only answers what that one declines.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, AnyAcceptProblemDetailsWriter>());
        services.AddExceptionHandler<ConcurrencyConflictExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();
        return services;
    }

    /// <summary>Codes for the problems the framework itself raises, so every problem carries one.</summary>
    private static string? DefaultCode(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => "Request.Invalid",
        StatusCodes.Status401Unauthorized => AuthorizationErrors.UnauthenticatedCode,
        StatusCodes.Status403Forbidden => AuthorizationErrors.ForbiddenCode,
        StatusCodes.Status404NotFound => "Route.NotFound",
        StatusCodes.Status405MethodNotAllowed => "Route.MethodNotAllowed",
        StatusCodes.Status406NotAcceptable => "Request.NotAcceptable",
        StatusCodes.Status413PayloadTooLarge => "Request.TooLarge",
        StatusCodes.Status415UnsupportedMediaType => "Request.UnsupportedMediaType",
        StatusCodes.Status500InternalServerError => "Server.Unexpected",
        _ => null,
    };

    private static string? DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status401Unauthorized => AuthorizationErrors.Unauthenticated.Description,
        StatusCodes.Status403Forbidden => "The token does not grant what this request needs.",
        StatusCodes.Status404NotFound => "No resource exists at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not support the request's method.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        _ => null,
    };
}
