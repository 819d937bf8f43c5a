using System.Diagnostics;
using Serilog.Context;

namespace Enterprise.WebApi.Logging;

/// <summary>
/// Carries a correlation id through the request: the caller's <c>X-Correlation-Id</c> when it is a sane
/// token, otherwise a new one; echoed on the response and attached to every log event of the request.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-Id";
    public const string LogProperty = "CorrelationId";
    private const int MaxLength = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var correlationId = FromRequest(context) ?? NewId();
        context.Items[LogProperty] = correlationId;
        // Set when the response starts: the exception handler clears headers set earlier, and a 500 needs the id most.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty(LogProperty, correlationId))
        {
            await next(context);
        }
    }

    public static string? Current(HttpContext context) =>
        context?.Items.TryGetValue(LogProperty, out var value) == true ? value as string : null;

    private static string? FromRequest(HttpContext context)
    {
        var value = context.Request.Headers[HeaderName].ToString();
        // Anything else (too long, odd characters, several values) could forge log lines: replace it.
        return value.Length is > 0 and <= MaxLength && value.All(IsTokenCharacter) ? value : null;
    }

    private static bool IsTokenCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' or ':';

    private static string NewId() =>
        Activity.Current?.TraceId.ToHexString() ?? Guid.CreateVersion7().ToString("N");
}
