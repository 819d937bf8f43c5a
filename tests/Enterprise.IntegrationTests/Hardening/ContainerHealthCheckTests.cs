using System.Net;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hardening;

/// <summary>
/// The image's HEALTHCHECK (<c>dotnet Enterprise.WebApi.dll healthcheck</c>) against a real Production process: exit 0
/// while it serves, 1 with one line on stderr when nothing answers on the port.
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed class ContainerHealthCheckTests
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task The_check_passes_while_the_application_serves()
    {
        using var server = await ProductionProcess.StartAsync();
        using var check = ApplicationProcess.Start(HttpPorts(server.Port), "healthcheck");

        var exitCode = await check.WaitForExitAsync(CheckTimeout);

        Assert.That(exitCode, Is.Zero, check.Output + check.Error);
        Assert.That(check.Error, Is.Empty);
    }

    [Test]
    public async Task The_check_fails_when_nothing_answers()
    {
        var port = LocalPorts.Free();
        using var check = ApplicationProcess.Start(HttpPorts(port), "healthcheck");

        var exitCode = await check.WaitForExitAsync(CheckTimeout);

        Assert.That(exitCode, Is.EqualTo(1), check.Output + check.Error);
        Assert.That(check.Error.Trim(), Does.StartWith($"Enterprise health check failed: http://127.0.0.1:{port}/health/live did not answer"));
        Assert.That(check.Output, Is.Empty, "the check builds no host, so it logs nothing");
    }

    [Test]
    public async Task The_check_fails_when_liveness_answers_an_error()
    {
        var port = LocalPorts.Free();
        using var listener = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        listener.Start();
        var answer = AnswerOnceAsync(listener, HttpStatusCode.ServiceUnavailable);
        using var check = ApplicationProcess.Start(HttpPorts(port), "healthcheck");

        var exitCode = await check.WaitForExitAsync(CheckTimeout);

        Assert.That(exitCode, Is.EqualTo(1), check.Output + check.Error);
        Assert.That(await answer, Is.EqualTo("/health/live"));
        Assert.That(check.Error.Trim(), Is.EqualTo($"Enterprise health check failed: http://127.0.0.1:{port}/health/live answered 503."));
    }

    /// <summary>Answers the first request with the status; the path it asked for.</summary>
    private static async Task<string> AnswerOnceAsync(HttpListener listener, HttpStatusCode status)
    {
        var context = await listener.GetContextAsync();
        context.Response.StatusCode = (int)status;
        context.Response.Close();
        return context.Request.Url!.AbsolutePath;
    }

    private static Dictionary<string, string> HttpPorts(int port) => new() { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
