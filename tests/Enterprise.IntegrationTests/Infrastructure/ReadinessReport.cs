using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>What <c>GET /health/ready</c> answered: its status code, overall status and each check's status.</summary>
public sealed record ReadinessReport(HttpStatusCode StatusCode, string? Status, IReadOnlyDictionary<string, string?> Checks)
{
    public static async Task<ReadinessReport> ReadAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync("/health/ready");
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new ReadinessReport(
            response.StatusCode,
            report.GetProperty("status").GetString(),
            report.GetProperty("checks").EnumerateArray().ToDictionary(check => check.GetProperty("name").GetString()!, check => check.GetProperty("status").GetString()));
    }

    /// <summary>Reads the report until the named check (or the overall status, without one) has the status; the last report otherwise.</summary>
    public static async Task<ReadinessReport> WaitForAsync(HttpClient client, string status, TimeSpan timeout, string? check = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        ReadinessReport report;
        while (((report = await ReadAsync(client)).StatusOf(check)) != status && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        return report;
    }

    /// <summary>The named check's status, or the overall status without a name.</summary>
    public string? StatusOf(string? check) => check is null ? Status : Checks.GetValueOrDefault(check);
}
