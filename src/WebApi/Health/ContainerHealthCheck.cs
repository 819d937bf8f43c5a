namespace Enterprise.WebApi.Health;

/// <summary>
/// The <c>healthcheck</c> command: the container's HEALTHCHECK. The ASP.NET runtime image has no curl or wget, so the
/// application asks its own <see cref="HealthEndpoints.LivePath"/> on the loopback address and exits 0 when it answers
/// 2xx, 1 otherwise (with one line on stderr). It builds no host: it must stay cheap when it runs every 30 seconds.
/// </summary>
public static class ContainerHealthCheck
{
    public const string Command = "healthcheck";

    /// <summary>The port Kestrel listens on in the image (<c>ASPNETCORE_HTTP_PORTS</c> of the ASP.NET images).</summary>
    public const int DefaultPort = 8080;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The liveness address on 127.0.0.1 for the first port of <c>ASPNETCORE_HTTP_PORTS</c> (<c>8080;8081</c>, or
    /// <c>8080,8081</c>), or <see cref="DefaultPort"/> when it is not set.
    /// </summary>
    public static Uri LiveUri(string? httpPorts)
    {
        var firstPort = httpPorts?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (firstPort is null)
        {
            return new Uri($"http://127.0.0.1:{DefaultPort}{HealthEndpoints.LivePath}");
        }

        if (!int.TryParse(firstPort, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"ASPNETCORE_HTTP_PORTS is '{httpPorts}'; its first entry must be a port number (1-65535).", nameof(httpPorts));
        }

        return new Uri($"http://127.0.0.1:{port}{HealthEndpoints.LivePath}");
    }

    /// <summary>Asks the liveness endpoint once; 0 when it answers 2xx within the timeout, 1 otherwise.</summary>
    public static async Task<int> RunAsync(string? httpPorts, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Uri live;
        try
        {
            live = LiveUri(httpPorts);
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync($"Enterprise health check failed: {exception.Message}");
            return 1;
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(live);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await error.WriteLineAsync($"Enterprise health check failed: {live} answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"Enterprise health check failed: {live} did not answer: {exception.Message}");
        }

        return 1;
    }
}
