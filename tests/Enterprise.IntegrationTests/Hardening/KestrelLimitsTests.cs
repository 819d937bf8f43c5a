using System.Net;
using System.Net.Sockets;
using System.Text;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Hardening;

/// <summary>What Kestrel itself refuses (body and header sizes), and what it no longer says about itself.</summary>
[Parallelizable(ParallelScope.None)]
public sealed class KestrelLimitsTests
{
    private const long DefaultMaxRequestBodySize = 1024 * 1024;
    private ProductionProcess _process = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartApplication()
    {
        _process = await ProductionProcess.StartAsync();
        _client = new HttpClient { BaseAddress = _process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // A caller allowed to write, so the body is read and only its size can be refused.
        _client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Administrator);
    }

    [OneTimeTearDown]
    public void StopApplication()
    {
        _client?.Dispose();
        _process?.Dispose();
    }

    [Test]
    public void The_limits_in_force_are_logged_at_start() =>
        Assert.That(_process.LoggedLimit("MaxRequestBodySize"), Is.EqualTo(DefaultMaxRequestBodySize));

    [Test]
    public async Task A_body_over_the_limit_with_its_length_declared_is_a_413_problem()
    {
        var body = Encoding.UTF8.GetBytes(OversizedCategory());

        var response = await PostRawAsync($"Content-Length: {body.Length}", stream => stream.WriteAsync(body).AsTask());

        AssertTooLargeProblem(response);
    }

    [Test]
    public async Task A_chunked_body_that_grows_over_the_limit_while_being_read_is_a_413_problem()
    {
        var body = Encoding.UTF8.GetBytes(OversizedCategory());

        var response = await PostRawAsync("Transfer-Encoding: chunked", stream => WriteChunksAsync(stream, body));

        AssertTooLargeProblem(response);
    }

    /// <summary>
    /// Posts over a raw connection: the server answers 413 and closes while the body is still arriving, which an
    /// HttpClient may report as a reset rather than as the response; the response is what these tests check.
    /// </summary>
    private async Task<string> PostRawAsync(string bodyHeader, Func<Stream, Task> writeBody)
    {
        var address = _client.BaseAddress!;
        using var connection = new TcpClient();
        await connection.ConnectAsync(address.Host, address.Port);
        var stream = connection.GetStream();
        var head = $"POST /api/v1/categories HTTP/1.1\r\nHost: {address.Authority}\r\n" +
            $"Authorization: Bearer {TestTokens.Administrator}\r\nContent-Type: application/json\r\n" +
            $"{bodyHeader}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        try
        {
            await writeBody(stream);
        }
        catch (IOException)
        {
            // The server stopped reading once the limit was passed; its answer is already on the wire.
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await reader.ReadToEndAsync(timeout.Token);
    }

    private static async Task WriteChunksAsync(Stream stream, byte[] body)
    {
        const int ChunkSize = 64 * 1024;
        for (var offset = 0; offset < body.Length; offset += ChunkSize)
        {
            var length = Math.Min(ChunkSize, body.Length - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{length:X}\r\n"));
            await stream.WriteAsync(body.AsMemory(offset, length));
            await stream.WriteAsync("\r\n"u8.ToArray());
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
    }

    private static void AssertTooLargeProblem(string response) =>
        Assert.Multiple(() =>
        {
            Assert.That(response, Does.StartWith("HTTP/1.1 413"));
            Assert.That(response, Does.Contain("Content-Type: application/problem+json").IgnoreCase);
            Assert.That(response, Does.Contain("\"code\":\"Request.TooLarge\""));
        });

    [Test]
    public async Task Headers_larger_than_the_limit_are_refused_with_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('a', 40 * 1024));

        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestHeaderFieldsTooLarge));
    }

    [Test]
    public async Task More_headers_than_the_limit_are_refused_with_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        for (var header = 0; header < 120; header++)
        {
            request.Headers.Add($"X-Header-{header}", "value");
        }

        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestHeaderFieldsTooLarge));
    }

    [Test]
    public async Task Responses_do_not_name_the_server_and_carry_the_hardening_headers()
    {
        using var response = await _client.GetAsync("/api/v1/products");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Server"), Is.False);
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False, "HSTS goes out over HTTPS only");
        });
    }

    /// <summary>Valid JSON just over the limit, so only its size can be refused.</summary>
    private static string OversizedCategory() =>
        $$"""{"name":"{{new string('a', (int)DefaultMaxRequestBodySize)}}"}""";
}
