using Enterprise.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// The real application over real HTTP (in-memory transport) on its own SQLite database file, migrated at
/// start; every log event is captured. One per test fixture: fixtures run in parallel without sharing data.
/// </summary>
public sealed class EnterpriseApiFactory : WebApplicationFactory<Program>
{
    private readonly string _databaseDirectory = Path.Combine(Path.GetTempPath(), "enterprise-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public EnterpriseApiFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_databaseDirectory);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Enterprise"] = $"Data Source={DatabasePath}",
            ["Database:MigrateOnStartup"] = "true",
            ["Database:Seed"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath => Path.Combine(_databaseDirectory, "enterprise.db");

    public CapturedLogs Logs { get; } = new();

    public string Environment { get; init; } = "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Logs));
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
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_databaseDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temp directory behind; it must not fail the run.
            }
        }
    }
}
