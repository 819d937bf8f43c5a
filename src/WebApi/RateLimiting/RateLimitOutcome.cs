namespace Enterprise.WebApi.RateLimiting;

/// <summary>What the limiter decided for a request, kept on the request for the response headers.</summary>
internal sealed record RateLimitOutcome(RateLimitPolicy Policy, long? RemainingTokens)
{
    public static RateLimitOutcome? Of(HttpContext context) => context.Features.Get<RateLimitOutcome>();
}
