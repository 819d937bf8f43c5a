using Enterprise.Application.Common.Idempotency;
using Enterprise.Application.Common.Security;
using Enterprise.WebApi.Problems;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Enterprise.WebApi.Idempotency;

/// <summary>
/// Honours <c>Idempotency-Key</c> on the endpoints <see cref="IdempotentPostConvention"/> marked: the first request with
/// a key runs and its response (status, the headers the endpoint set, body) is stored; the same request again gets that
/// response back with <c>Idempotent-Replayed: true</c> and runs nothing. The same key for a different request is 422,
/// while the first one still runs 409. A 5xx or an exception stores nothing, so a retry runs. Requests without the
/// header pass through untouched.
/// </summary>
internal sealed partial class IdempotencyKeyMiddleware(RequestDelegate next, ILogger<IdempotencyKeyMiddleware> logger)
{
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string KeyInvalidCode = "Idempotency.KeyInvalid";
    public const string CallerUnknownCode = "Idempotency.CallerUnknown";
    public const string KeyReusedCode = "Idempotency.KeyReused";
    public const string RequestInProgressCode = "Idempotency.RequestInProgress";

    /// <summary>Seconds a caller should wait before asking again about a request that is still running; most take far less.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Headers about this transmission rather than the response: recomputed on every send, never stored.</summary>
    private static readonly HashSet<string> TransmissionHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Date, HeaderNames.Connection, HeaderNames.SetCookie,
    };

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Reads and unmarked endpoints pass straight through: no state machine, and no store (nor its DbContext) resolved.
        return HttpMethods.IsPost(context.Request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<IdempotentRequestMetadata>() is not null
            && context.Request.Headers.TryGetValue(IdempotencyKeyHeader.Name, out var header)
            ? HonourKeyAsync(context, header)
            : next(context);
    }

    private async Task HonourKeyAsync(HttpContext context, StringValues header)
    {
        var store = context.RequestServices.GetRequiredService<IIdempotencyStore>();
        var currentUser = context.RequestServices.GetRequiredService<ICurrentUser>();

        if (IdempotencyKeyHeader.Parse(header) is not { } key)
        {
            await ProblemFactory.WriteAsync(
                context,
                StatusCodes.Status400BadRequest,
                KeyInvalidCode,
                $"Send one Idempotency-Key header of 1 to {IdempotencyKeyHeader.MaxLength} printable ASCII characters, bare or as a quoted string.",
                "Invalid Idempotency-Key");
            return;
        }

        // Keys belong to the caller; without a subject there is no caller to keep them for, and sharing would leak responses.
        if (string.IsNullOrWhiteSpace(currentUser.Subject))
        {
            await ProblemFactory.WriteAsync(
                context,
                StatusCodes.Status400BadRequest,
                CallerUnknownCode,
                "Idempotency keys are kept per caller, and this token names no subject (sub). Send a token with a subject, or send the request without the key.",
                "Idempotency-Key needs a subject");
            return;
        }

        var fingerprint = await RequestFingerprint.ComputeAsync(context.Request, context.RequestAborted);
        var claim = await store.ClaimAsync(new IdempotencyRequest(currentUser.Subject, key, fingerprint), context.RequestAborted);
        switch (claim)
        {
            case KeyClaimed claimed:
                await RunAndStoreAsync(context, store, claimed.Lease);
                break;
            case ResponseAlreadyStored stored:
                context.Response.Headers[ReplayedHeader] = "true";
                await WriteAsync(context.Response, stored.Response, context.RequestAborted);
                break;
            case RequestStillInProgress:
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ProblemFactory.WriteAsync(
                    context,
                    StatusCodes.Status409Conflict,
                    RequestInProgressCode,
                    "A request with this Idempotency-Key is still being processed; retry after the number of seconds in the Retry-After header to get its response.",
                    "Request in progress");
                break;
            default:
                await ProblemFactory.WriteAsync(
                    context,
                    StatusCodes.Status422UnprocessableEntity,
                    KeyReusedCode,
                    "This Idempotency-Key was already used for a different request (another body, method or address). Use a new key for a new request.",
                    "Idempotency-Key reused");
                break;
        }
    }

    /// <summary>
    /// Runs the endpoint with its response held in memory, stores the response, then sends it. Stored before sent, so a
    /// caller that retries as soon as it has the answer finds it; held in memory, so a failure sends nothing half-done.
    /// </summary>
    private async Task RunAndStoreAsync(HttpContext context, IIdempotencyStore store, IdempotencyLease lease)
    {
        var response = context.Response;
        var headersBefore = response.Headers.ToDictionary(header => header.Key, header => header.Value, StringComparer.OrdinalIgnoreCase);
        var originalBody = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        var settled = false;
        byte[] body;
        try
        {
            await next(context);
            body = buffer.ToArray();
            if (response.StatusCode < StatusCodes.Status500InternalServerError)
            {
                await StoreAsync(store, lease, new StoredResponse(response.StatusCode, HeadersSetByEndpoint(response.Headers, headersBefore), body));
                settled = true;
            }
        }
        finally
        {
            response.Body = originalBody;
            if (!settled)
            {
                await ReleaseAsync(store, lease);
            }
        }

        await WriteBodyAsync(response, body, context.RequestAborted);
    }

    /// <summary>
    /// Not with the request's cancellation: the command has run, and a caller that hung up will retry and must get
    /// the replay. A failure is logged and the response still sent, since the command may have committed; the key
    /// then stays in progress until its lease ends (see docs/idempotency.md).
    /// </summary>
    private async Task StoreAsync(IIdempotencyStore store, IdempotencyLease lease, StoredResponse response)
    {
        try
        {
            if (!await store.CompleteAsync(lease, response, CancellationToken.None))
            {
                LogLeaseLost(lease.Key);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotStored(exception, lease.Key);
        }
    }

    /// <summary>A failure here must not hide the exception that failed the request; the key then frees itself when the lease ends.</summary>
    private async Task ReleaseAsync(IIdempotencyStore store, IdempotencyLease lease)
    {
        try
        {
            await store.ReleaseAsync(lease, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotReleased(exception, lease.Key);
        }
    }

    private static Dictionary<string, string[]> HeadersSetByEndpoint(IHeaderDictionary after, Dictionary<string, StringValues> before) =>
        after
            .Where(header => !TransmissionHeaders.Contains(header.Key))
            .Where(header => !before.TryGetValue(header.Key, out var earlier) || earlier != header.Value)
            .ToDictionary(header => header.Key, header => header.Value.Select(value => value ?? string.Empty).ToArray(), StringComparer.OrdinalIgnoreCase);

    private static async Task WriteAsync(HttpResponse response, StoredResponse stored, CancellationToken cancellationToken)
    {
        response.StatusCode = stored.StatusCode;
        foreach (var (name, values) in stored.Headers)
        {
            response.Headers[name] = new StringValues(values);
        }

        await WriteBodyAsync(response, stored.Body, cancellationToken);
    }

    private static async Task WriteBodyAsync(HttpResponse response, byte[] body, CancellationToken cancellationToken)
    {
        // An empty body (204) gets no Content-Length: that status may not carry one.
        if (body.Length > 0)
        {
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The response for Idempotency-Key {IdempotencyKey} was not stored: its lease had run out and the key was claimed again")]
    private partial void LogLeaseLost(string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "The response for Idempotency-Key {IdempotencyKey} could not be stored; the key stays in progress until its lease ends")]
    private partial void LogNotStored(Exception exception, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Idempotency-Key {IdempotencyKey} could not be released after a failed request; it is freed when its lease ends")]
    private partial void LogNotReleased(Exception exception, string idempotencyKey);
}
