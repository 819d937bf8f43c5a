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

    private readonly RateLimitPolicy _reads = new(ReadsName, settings.Value.Reads);
    private readonly RateLimitPolicy _writes = new(WritesName, settings.Value.Writes);

    /// <summary>The policy for the request; null when it is not limited.</summary>
    public RateLimitPolicy? For(HttpContext context)
    {
        var path = context.Request.Path;
        if (UnlimitedPaths.Any(unlimited => path.StartsWithSegments(unlimited, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var method = context.Request.Method;
        return HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method)
            ? _writes
            : _reads;
    }

    /// <summary>
    /// The caller's bucket key: <c>policy:sub:…</c> for an authenticated caller, so one user's budget follows them
    /// across addresses, otherwise <c>policy:ip:…</c>.
    /// </summary>
    public static string BucketKey(RateLimitPolicy policy, HttpContext context)
    {
        var caller = Subject(context.User) is { } subject
            ? $"sub:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        return $"{policy.Name}:{caller}";
    }

    private static string? Subject(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(TokenClaims.Subject)?.Value : null;
}
