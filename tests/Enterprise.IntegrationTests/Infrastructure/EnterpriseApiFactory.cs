using Enterprise.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// The real application over real HTTP (in-memory transport) on a database of its own, migrated at
/// start; every log event is captured. One per test fixture: fixtures run in parallel without sharing data.
/// </summary>
public sealed class EnterpriseApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public EnterpriseApiFactory(DatabaseUnderTest database = DatabaseUnderTest.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
        : this(TestDatabase.Create(database), settings)
    {
    }

    public EnterpriseApiFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Enterprise"] = database.ConnectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Database:Seed"] = "false",
            // A DbContext used by two operations at once must fail a test, not pass silently as it would in production.
            ["Database:ThreadSafetyChecks"] = "true",
            // Fixtures send many requests with one token; rate-limit tests lower these through their settings.
            ["RateLimiting:Reads:TokenLimit"] = "1000000",
            ["RateLimiting:Reads:TokensPerPeriod"] = "1000000",
            ["RateLimiting:Writes:TokenLimit"] = "1000000",
            ["RateLimiting:Writes:TokensPerPeriod"] = "1000000",
        };
        foreach (var (key, value) in TestTokens.Settings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            _settings[key] = value;
        }
    }

    public TestDatabase Database { get; }

    /// <summary>The SQLite file, for the few tests that work on it directly.</summary>
    public string DatabasePath => ((SqliteTestDatabase)Database).FilePath;

    public CapturedLogs Logs { get; } = new();

    public string Environment { get; init; } = "Testing";

    /// <summary>Changes to the application's services, applied after its own registrations (test doubles, probes).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            TestServices?.Invoke(services);
        });
    }

    /// <summary>Runs a query against the application's database, outside any request, to assert what was stored.</summary>
    public async Task<T> QueryDatabaseAsync<T>(Func<EnterpriseDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();
        return await query(dbContext);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}
