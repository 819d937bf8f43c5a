namespace Enterprise.WebApi.RateLimiting;

/// <summary>
/// Adds the IETF draft headers (draft-ietf-httpapi-ratelimit-headers) to every response the limiter counted,
/// granted or refused: <c>RateLimit-Policy</c> (quota and refill window) and <c>RateLimit</c> (tokens left,
/// seconds until the bucket is full). Responses the limiter did not count (health, OpenAPI) get neither.
/// </summary>
internal sealed class RateLimitHeadersMiddleware(RequestDelegate next)
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string StateHeader = "RateLimit";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            if (RateLimitOutcome.Of(context) is { } outcome)
            {
                context.Response.Headers[PolicyHeader] = outcome.Policy.PolicyHeader;
                if (outcome.RemainingTokens is { } remaining)
                {
                    context.Response.Headers[StateHeader] = outcome.Policy.StateHeader(remaining);
                }
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
