using Asp.Versioning;

namespace Enterprise.WebApi.Http;

/// <summary>
/// Reports <c>api-supported-versions</c> (and <c>api-deprecated-versions</c>) on every response of a
/// versioned endpoint. Asp.Versioning's own reporting is an action filter, so responses decided before
/// the action runs (unreadable body 400, 415) would go out without the headers.
/// </summary>
public sealed class ApiVersionReportingMiddleware(RequestDelegate next, IReportApiVersions reporter)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<ApiVersionMetadata>() is { } metadata)
        {
            context.Response.OnStarting(() =>
            {
                reporter.Report(context.Response, metadata.Map(ApiVersionMapping.Explicit | ApiVersionMapping.Implicit));
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
