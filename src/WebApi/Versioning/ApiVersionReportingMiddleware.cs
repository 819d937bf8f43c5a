using System.Collections.Concurrent;
using Asp.Versioning;

namespace Enterprise.WebApi.Versioning;

/// <summary>
/// Reports <c>api-supported-versions</c> and <c>api-deprecated-versions</c>, and for a deprecated version its
/// <c>Deprecation</c>, <c>Sunset</c> and <c>Link</c> headers, on every response of a versioned endpoint.
/// Asp.Versioning's own reporting is an action filter, so responses decided before the action runs
/// (unreadable body 400, 415) would go out without the headers.
/// </summary>
public sealed class ApiVersionReportingMiddleware(RequestDelegate next, IReportApiVersions reporter)
{
    /// <summary>What each endpoint reports never changes, so it is worked out once per endpoint rather than per request.</summary>
    private readonly ConcurrentDictionary<ApiVersionMetadata, ApiVersionModel> _reportedByEndpoint = new();

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<ApiVersionMetadata>() is { IsApiVersionNeutral: false } metadata)
        {
            var reported = _reportedByEndpoint.GetOrAdd(metadata, Reported);
            context.Response.OnStarting(() =>
            {
                reporter.Report(context.Response, reported);
                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    /// <summary>
    /// Asp.Versioning lists a deprecated version only under api-deprecated-versions; it is still served until its
    /// sunset, so api-supported-versions names it too and a client can tell "deprecated" from "gone".
    /// </summary>
    private static ApiVersionModel Reported(ApiVersionMetadata metadata)
    {
        var versions = metadata.Map(ApiVersionMapping.Explicit | ApiVersionMapping.Implicit);
        return new ApiVersionModel(versions.ImplementedApiVersions, versions.DeprecatedApiVersions);
    }
}
