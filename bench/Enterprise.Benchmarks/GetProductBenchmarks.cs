using BenchmarkDotNet.Attributes;
using Enterprise.Application;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Security;
using Enterprise.Infrastructure;
using Enterprise.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace Enterprise.Benchmarks;

/// <summary>
/// One read of a product by id as a request makes it, minus HTTP: a new scope, the mediator's send through every
/// behavior (logging at Information, audit, authorization, validation, caching) to the handler and the database. On
/// SQLite in a temporary file, or on PostgreSQL when <c>ENTERPRISE_BENCH_POSTGRES</c> holds a connection string (the
/// database in it is migrated and seeded). The allocation budget is 10 KB per uncached read (docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class GetProductBenchmarks : IDisposable
{
    public const string PostgresVariable = "ENTERPRISE_BENCH_POSTGRES";

    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"enterprise-benchmarks-{Environment.ProcessId}.db");
    private IHost? _host;
    private GetProductQuery _query = null!;

    /// <summary>Whether the query cache is on: off, every read reaches the database; on, every read after the first is a hit.</summary>
    [Params(false, true)]
    public bool Cached { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = string.IsNullOrEmpty(postgres) ? "Sqlite" : "PostgreSql",
            ["ConnectionStrings:Enterprise"] = string.IsNullOrEmpty(postgres) ? $"Data Source={_sqliteFile}" : postgres,
            ["Database:MigrateOnStartup"] = "true",
            ["Database:Seed"] = "true",
            ["Caching:Enabled"] = Cached ? "true" : "false",
            // Production's setting (appsettings.json).
            ["Database:ThreadSafetyChecks"] = Environment.GetEnvironmentVariable("ENTERPRISE_BENCH_THREAD_SAFETY_CHECKS") ?? "false",
        });
        // Production's levels: the mediator's event at Information is written (and formatted), EF Core's are not.
        builder.Services.AddSerilog(logger => logger
            .MinimumLevel.Is(Environment.GetEnvironmentVariable("ENTERPRISE_BENCH_LOG_LEVEL") is { Length: > 0 } level ? Enum.Parse<LogEventLevel>(level) : LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Sink(new FormattedToNowhereSink()));
        builder.Services.AddApplication().AddInfrastructure(builder.Configuration);
        builder.Services.AddSingleton(new AuthorizationSettings());
        builder.Services.AddScoped<ICurrentUser, AnonymousCaller>();
        _host = builder.Build();
        // Runs the database initializer: migrations, then the sample catalog.
        _host.StartAsync().GetAwaiter().GetResult();

        using var scope = _host.Services.CreateScope();
        var productId = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>().Products
            .Where(product => product.Status == Domain.Catalog.ProductStatus.Active)
            .Select(product => product.Id)
            .First();
        _query = new GetProductQuery(productId);
    }

    [Benchmark]
    public async Task<ProductDto> GetProduct()
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(_query);
        return result.Value;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        if (_host is not null)
        {
            _host.StopAsync().GetAwaiter().GetResult();
            _host.Dispose();
            _host = null;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_sqliteFile);
        GC.SuppressFinalize(this);
    }
}
