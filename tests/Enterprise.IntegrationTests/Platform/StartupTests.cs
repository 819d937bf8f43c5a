using System.Net;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Platform;

/// <summary>The application as its own process: what an operator sees at start.</summary>
[Parallelizable(ParallelScope.None)]
public sealed class StartupTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "enterprise-tests", $"process-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestCase("Oracle", "Data Source=enterprise.db", "Database:Provider (environment Database__Provider) is 'Oracle'; supported values are Sqlite, SqlServer, PostgreSql.")]
    [TestCase("Sqlite", "", "ConnectionStrings:Enterprise (environment ConnectionStrings__Enterprise) is missing.")]
    [TestCase("Sqlite", "Server=db;Password=hunter2", "ConnectionStrings:Enterprise is malformed")]
    [TestCase("Sqlite", "Mode=ReadWrite", "ConnectionStrings:Enterprise is malformed: it has no Data Source")]
    public async Task Invalid_database_settings_stop_the_start_with_one_clear_message(string provider, string connectionString, string message)
    {
        using var app = ApplicationProcess.Start(Environment("Production", new()
        {
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Enterprise"] = connectionString,
        }));

        var exitCode = await app.WaitForExitAsync(StartTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), app.Output + app.Error);
            Assert.That(app.Error, Does.StartWith("Enterprise failed to start:").And.Contain(message));
            Assert.That(app.Error, Does.Not.Contain("hunter2"));
            Assert.That(app.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [TestCase("", "Messaging__RabbitMq__Prefetch", "16", "Messaging:RabbitMq:ConnectionString (environment Messaging__RabbitMq__ConnectionString) is missing; it must be an AMQP URI")]
    [TestCase("http://guest:hunter2@localhost:5672/", "Messaging__RabbitMq__Prefetch", "16", "Messaging:RabbitMq:ConnectionString (environment Messaging__RabbitMq__ConnectionString) is not an AMQP URI")]
    [TestCase("amqp://guest:hunter2@127.0.0.1:5672/", "Messaging__RabbitMq__Prefetch", "0", "Messaging:RabbitMq:Prefetch (environment Messaging__RabbitMq__Prefetch) is 0; it must be between 1 and 65535")]
    [TestCase("amqp://guest:hunter2@127.0.0.1:5672/", "Messaging__RabbitMq__RedeliveryDelay", "00:00:00", "Messaging:RabbitMq:RedeliveryDelay (environment Messaging__RabbitMq__RedeliveryDelay) is 00:00:00; it must be a positive duration")]
    [TestCase("amqp://guest:hunter2@127.0.0.1:5672/", "Messaging__RabbitMq__ExchangeName", " ", "Messaging:RabbitMq:ExchangeName (environment Messaging__RabbitMq__ExchangeName) is empty")]
    public async Task Invalid_broker_settings_stop_the_start_with_one_clear_message(string connectionString, string variable, string value, string message)
    {
        using var app = ApplicationProcess.Start(Environment("Production", new()
        {
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMq__ConnectionString"] = connectionString,
            [variable] = value,
        }));

        var exitCode = await app.WaitForExitAsync(StartTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), app.Output + app.Error);
            Assert.That(app.Error, Does.StartWith("Enterprise failed to start:").And.Contain(message));
            Assert.That(app.Error, Does.Not.Contain("hunter2"), "the broker's password is never shown");
            Assert.That(app.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [TestCase("ApiVersioning__Deprecations__1__Sunset", "2026-06-01", "ApiVersioning:Deprecations:1:Sunset (2026-06-01T00:00:00Z) must be after ApiVersioning:Deprecations:1:Date (2026-12-01T00:00:00Z)")]
    [TestCase("ApiVersioning__Deprecations__1__Date", "01/12/2026", "ApiVersioning:Deprecations:1:Date (environment ApiVersioning__Deprecations__1__Date) is '01/12/2026'; expected a date such as 2026-12-01")]
    [TestCase("ApiVersioning__Deprecations__1__Link", "docs/versioning.md", "ApiVersioning:Deprecations:1:Link (environment ApiVersioning__Deprecations__1__Link) is 'docs/versioning.md'; expected an absolute http(s) URL or a root-relative path")]
    [TestCase("ApiVersioning__Deprecations__one__Date", "2026-12-01", "ApiVersioning:Deprecations:one (environment ApiVersioning__Deprecations__one) names 'one', which is not an API version")]
    [TestCase("Idempotency__Expiry", "00:00:00", "Idempotency:Expiry (environment Idempotency__Expiry) is 00:00:00; it must be a positive duration")]
    [TestCase("Caching__Duration", "00:00:00", "Caching:Duration (environment Caching__Duration) is 00:00:00; it must be a positive duration")]
    [TestCase("Caching__RedisTimeout", "-00:00:01", "Caching:RedisTimeout (environment Caching__RedisTimeout) is -00:00:01; it must be a positive duration")]
    [TestCase("Shutdown__DrainTimeout", "00:00:00", "Shutdown:DrainTimeout (environment Shutdown__DrainTimeout) is 00:00:00; it must be a positive duration such as 00:00:25")]
    [TestCase("Shutdown__DelayBeforeDrain", "-00:00:01", "Shutdown:DelayBeforeDrain (environment Shutdown__DelayBeforeDrain) is -00:00:01; it must be zero or a positive duration")]
    [TestCase("Idempotency__InProgressLease", "00:00:20", "Idempotency:InProgressLease (environment Idempotency__InProgressLease) must be longer than RequestTimeouts:Default")]
    public async Task An_invalid_setting_stops_the_start_with_one_clear_message(string variable, string value, string message)
    {
        using var app = ApplicationProcess.Start(Environment("Production", new() { [variable] = value }));

        var exitCode = await app.WaitForExitAsync(StartTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), app.Output + app.Error);
            Assert.That(app.Error, Does.StartWith("Enterprise failed to start:").And.Contain(message));
            Assert.That(app.Error.Trim().Split('\n'), Has.Length.EqualTo(1), "one line");
            Assert.That(app.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task Production_without_authentication_settings_stops_the_start_with_one_clear_message()
    {
        using var app = ApplicationProcess.Start(Environment("Production", [], withAuthentication: false));

        var exitCode = await app.WaitForExitAsync(StartTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), app.Output + app.Error);
            Assert.That(app.Error, Does.StartWith("Enterprise failed to start:").And.Contain("authentication is not configured"));
            Assert.That(app.Error, Does.Contain("Authentication__Jwt__Authority").And.Contain("Authentication__Jwt__SigningKeys__0"));
            Assert.That(app.Error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task A_signing_key_that_is_not_base64_stops_the_start_without_echoing_it()
    {
        using var app = ApplicationProcess.Start(Environment("Production", new()
        {
            ["Authentication__Jwt__SigningKeys__0"] = "not*base64*secret",
        }));

        var exitCode = await app.WaitForExitAsync(StartTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), app.Output + app.Error);
            Assert.That(app.Error, Does.StartWith("Enterprise failed to start:").And.Contain("Authentication:Jwt:SigningKeys:0"));
            Assert.That(app.Error, Does.Not.Contain("not*base64*secret"));
        });
    }

    [Test]
    public async Task Production_writes_compact_json_events_and_serves_requests()
    {
        var port = LocalPorts.Free();
        using var app = ApplicationProcess.Start(Environment("Production", new()
        {
            ["Database__MigrateOnStartup"] = "true",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        }));
        Assert.That(await app.WaitForOutputAsync("Now listening on", StartTimeout), Is.True, app.Output + app.Error);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var response = await client.GetAsync("/api/v1/products");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // The request-completion event, not the mediator's (which carries the request path too and is written first).
        Assert.That(await app.WaitForOutputAsync("\"RouteTemplate\":\"/api/v{version:apiVersion}/products\",\"RequestPath\":\"/api/v1/products\"", StartTimeout), Is.True, app.Output);

        var events = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToArray();
        Assert.That(events, Has.All.Matches<JsonElement>(e => e.TryGetProperty("@t", out _) && e.TryGetProperty("@m", out _)));
        var completion = events.Single(e => e.TryGetProperty("RouteTemplate", out _) && e.GetProperty("RequestPath").GetString() == "/api/v1/products");
        Assert.Multiple(() =>
        {
            Assert.That(completion.GetProperty("RouteTemplate").GetString(), Is.EqualTo("/api/v{version:apiVersion}/products"));
            Assert.That(completion.GetProperty("StatusCode").GetInt32(), Is.EqualTo(200));
            Assert.That(completion.GetProperty("CorrelationId").GetString(), Is.EqualTo(response.Headers.GetValues("X-Correlation-Id").Single()));
        });
    }

    [Test]
    public async Task Development_migrates_seeds_and_writes_readable_console_output()
    {
        var port = LocalPorts.Free();
        using var app = ApplicationProcess.Start(Environment("Development", new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        }));
        Assert.That(await app.WaitForOutputAsync("Now listening on", StartTimeout), Is.True, app.Output + app.Error);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var products = JsonDocument.Parse(await client.GetStringAsync("/api/v1/products")).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(products.GetProperty("totalCount").GetInt32(), Is.GreaterThan(0), "demo data");
            Assert.That(app.Output, Does.Match(@"\[\d\d:\d\d:\d\d INF\] Now listening on"));
        });
    }

    private Dictionary<string, string> Environment(string environment, Dictionary<string, string> settings, bool withAuthentication = true)
    {
        var variables = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ConnectionStrings__Enterprise"] = $"Data Source={Path.Combine(_directory, "enterprise.db")}",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };
        if (withAuthentication)
        {
            foreach (var (key, value) in TestTokens.Settings)
            {
                variables[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
            }
        }
        foreach (var (key, value) in settings)
        {
            variables[key] = value;
        }

        return variables;
    }

}
