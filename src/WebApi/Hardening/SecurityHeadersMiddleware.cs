namespace Enterprise.WebApi.Hardening;

/// <summary>
/// Headers that keep browsers from second-guessing responses: no MIME sniffing of JSON into something
/// executable, and no URLs (which may carry ids) leaked to other sites in <c>Referer</c>.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Set when the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
