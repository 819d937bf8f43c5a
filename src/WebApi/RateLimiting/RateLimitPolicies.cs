using System.Security.Claims;
using Enterprise.WebApi.Security;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.RateLimiting;

/// <summary>Chooses the bucket of a request: its policy (reads or writes) and its caller (subject, else client IP).</summary>
internal sealed class RateLimitPolicies(IOptions<RateLimitingSettings> settings)
{
    public const string ReadsName = "reads";
    public const string WritesName = "writes";

    /// <summary>Probes, scrapes and the API description must answer however busy a caller is: orchestrators and tooling depend on them.</summary>
    private static readonly PathString[] UnlimitedPaths = ["/health", "/openapi", "/scalar", Telemetry.TelemetrySetup.PrometheusPath];

    public RateLimitPolicy Reads { get; } = new(ReadsName, settings.Value.Reads);

    public RateLimitPolicy Writes { get; } = new(WritesName, settings.Value.Writes);

    /// <summary>
    /// The request's bucket, null when the request is not limited. Worked out once and kept on the request: the
    /// limiter asks for it when it takes a token, again when it reads how many are left, and the headers need its policy.
    /// </summary>
    public CallerBucket? BucketOf(HttpContext context)
    {
        if (context.Features.Get<CallerBucket>() is { } known)
        {
            return known;
        }

        if (PolicyFor(context.Request) is not { } policy)
        {
            return null;
        }

        var bucket = new CallerBucket(policy, BucketKey(policy, context));
        context.Features.Set(bucket);
        return bucket;
    }

    private RateLimitPolicy? PolicyFor(HttpRequest request)
    {
        foreach (var unlimited in UnlimitedPaths)
        {
            if (request.Path.StartsWithSegments(unlimited, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        var method = request.Method;
        return HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method)
            ? Writes
            : Reads;
    }

    /// <summary>
    /// The caller's bucket key: <c>policy:sub:…</c> for an authenticated caller, so one user's budget follows them
    /// across addresses, otherwise <c>policy:ip:…</c>.
    /// </summary>
    private static string BucketKey(RateLimitPolicy policy, HttpContext context)
    {
        var caller = Subject(context.User) is { } subject
            ? $"sub:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        return $"{policy.Name}:{caller}";
    }

    private static string? Subject(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(TokenClaims.Subject)?.Value : null;
}
