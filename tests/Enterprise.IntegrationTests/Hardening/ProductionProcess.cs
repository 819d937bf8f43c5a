using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hardening;

/// <summary>
/// The built application as its own Production process on Kestrel, on a SQLite file of its own, for the
/// limits that only Kestrel enforces (the in-memory test server enforces none).
/// </summary>
internal sealed class ProductionProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "enterprise-tests", $"process-{Guid.NewGuid():N}");

    private ProductionProcess() => Directory.CreateDirectory(_directory);

    public ApplicationProcess App { get; private set; } = null!;

    public int Port { get; } = LocalPorts.Free();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>
    /// Starts the process and waits until it is ready (migrated and warmed up), as a load balancer would before sending
    /// it traffic; a null limit keeps the inherited descriptor limit.
    /// </summary>
    public static async Task<ProductionProcess> StartAsync(int? fileDescriptorLimit = null)
    {
        var process = new ProductionProcess();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = process.BaseAddress.ToString(),
            ["ConnectionStrings__Enterprise"] = $"Data Source={Path.Combine(process._directory, "enterprise.db")}",
            ["Database__MigrateOnStartup"] = "true",
        };
        foreach (var (key, value) in TestTokens.Settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        process.App = fileDescriptorLimit is { } limit
            ? ApplicationProcess.StartWithFileDescriptorLimit(limit, environment)
            : ApplicationProcess.Start(environment);
        var listening = await process.App.WaitForOutputAsync("Now listening on", StartTimeout);
        Assert.That(listening, Is.True, process.App.Output + process.App.Error);
        Assert.That(await process.WaitUntilReadyAsync(), Is.True, () => "/health/ready did not answer 200: " + process.App.Output + process.App.Error);
        return process;
    }

    private async Task<bool> WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet: ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    /// <summary>A numeric property of the start-up event that reports the limits in force.</summary>
    public long? LoggedLimit(string property)
    {
        var limits = App.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(logEvent => logEvent.TryGetProperty("MaxConcurrentConnections", out _));
        return limits.GetProperty(property) is { ValueKind: JsonValueKind.Number } value
            ? value.GetInt64()
            : null;
    }

    public void Dispose()
    {
        App?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp directory behind; it must not fail the run.
        }
    }
}
