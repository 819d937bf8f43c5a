using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Warmup;

/// <summary>
/// Once the server listens (after migrations and seeding, which run before it starts), sends the hot reads through the
/// whole pipeline over HTTP to the server's own address, so tiered compilation has compiled them before readiness turns
/// green. Reads only: it writes nothing. Bounded by <see cref="WarmupSettings.Timeout"/>; any failure ends the warm-up
/// with a warning rather than keeping the instance unready.
/// </summary>
internal sealed partial class WarmupService(
    WarmupState state,
    IOptions<WarmupSettings> settings,
    IServer server,
    IHttpClientFactory clients,
    IHostApplicationLifetime lifetime,
    ILogger<WarmupService> logger) : BackgroundService
{
    /// <summary>The named <see cref="HttpClient"/> the warm-up sends with (tests give it their in-memory transport).</summary>
    public const string ClientName = "Warmup";

    private const string ListPath = "/api/v2/products?limit=20";
    private const string ByIdPath = "/api/v2/products/";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ServerStartedAsync(stoppingToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(settings.Value.Timeout);
            var started = TimeProvider.System.GetTimestamp();
            await SendHotReadsAsync(timeout.Token);
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            LogWarmedUp(logger, settings.Value.Iterations, elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            LogTimedOut(logger, settings.Value.Timeout.TotalSeconds);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or InvalidOperationException)
        {
            LogFailed(logger, exception);
        }
        finally
        {
            state.MarkFinished();
        }
    }

    private async Task ServerStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    private async Task SendHotReadsAsync(CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(ClientName);
        client.BaseAddress ??= OwnAddress();
        for (var iteration = 0; iteration < settings.Value.Iterations; iteration++)
        {
            using var list = await client.GetAsync(ListPath, cancellationToken);
            var id = await FirstProductIdAsync(list, cancellationToken);
            // An empty catalogue still warms the by-id path, through its 404.
            using var byId = await client.GetAsync(ByIdPath + (id ?? Guid.Empty.ToString()), cancellationToken);
        }
    }

    private static async Task<string?> FirstProductIdAsync(HttpResponseMessage list, CancellationToken cancellationToken)
    {
        if (!list.IsSuccessStatusCode)
        {
            return null;
        }

        using var body = await JsonDocument.ParseAsync(await list.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return body.RootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0
            && items[0].TryGetProperty("id", out var id)
            ? id.GetString()
            : null;
    }

    /// <summary>The first address the server listens on, with a wildcard host replaced by loopback.</summary>
    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server reports no address to send warm-up requests to.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up: {Iterations} rounds of the hot reads in {ElapsedMs:0} ms")]
    private static partial void LogWarmedUp(ILogger logger, int iterations, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up did not finish within {TimeoutSeconds} s; reporting ready without it")]
    private static partial void LogTimedOut(ILogger logger, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up failed; reporting ready without it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
