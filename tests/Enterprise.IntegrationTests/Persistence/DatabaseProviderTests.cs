using System.Net.Sockets;
using Enterprise.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Enterprise.IntegrationTests.Persistence;

/// <summary>What each provider says about a connection string and about an exception, without a server.</summary>
public sealed class DatabaseProviderTests
{
    private const string Secret = "hunter2";

    [TestCase("sqlserver", DatabaseProviders.SqlServer)]
    [TestCase("POSTGRESQL", DatabaseProviders.PostgreSql)]
    [TestCase("Sqlite", DatabaseProviders.Sqlite)]
    public void A_provider_is_found_by_its_name_in_any_case(string configured, string name)
    {
        Assert.That(DatabaseProviders.IsSupported(configured), Is.True);
        Assert.That(DatabaseProviders.Get(configured).Name, Is.EqualTo(name));
    }

    [TestCase(DatabaseProviders.SqlServer, "Server=db.internal,1433;Database=Enterprise;User ID=app;Password=hunter2;Encrypt=True")]
    [TestCase(DatabaseProviders.SqlServer, "Data Source=localhost;Initial Catalog=Enterprise;Integrated Security=True")]
    [TestCase(DatabaseProviders.PostgreSql, "Host=db.internal;Port=5432;Database=enterprise;Username=app;Password=hunter2")]
    public void A_usable_connection_string_has_no_problem(string provider, string connectionString) =>
        Assert.That(DatabaseProviders.Get(provider).DescribeConnectionStringProblem(connectionString), Is.Null);

    [TestCase(DatabaseProviders.SqlServer, "Database=Enterprise;User ID=app;Password=hunter2", "it has no Data Source")]
    [TestCase(DatabaseProviders.SqlServer, "Server=db;Password=hunter2;Flavour=vanilla", "not a valid SQL Server connection string")]
    [TestCase(DatabaseProviders.SqlServer, "Server=db;Password=hunter2;Encrypt=sometimes", "not a valid SQL Server connection string")]
    [TestCase(DatabaseProviders.PostgreSql, "Database=enterprise;Username=app;Password=hunter2", "it has no Host")]
    [TestCase(DatabaseProviders.PostgreSql, "Host=db;Password=hunter2;Flavour=vanilla", "not a valid PostgreSQL connection string")]
    [TestCase(DatabaseProviders.PostgreSql, "Host=db;Password=hunter2;Port=many", "not a valid PostgreSQL connection string")]
    public void A_bad_connection_string_is_described_without_its_password(string provider, string connectionString, string problem)
    {
        var description = DatabaseProviders.Get(provider).DescribeConnectionStringProblem(connectionString);

        Assert.That(description, Does.Contain(problem).And.Not.Contain(Secret));
    }

    [TestCase(5, ExpectedResult = true, Description = "SQLITE_BUSY")]
    [TestCase(6, ExpectedResult = true, Description = "SQLITE_LOCKED")]
    [TestCase(14, ExpectedResult = true, Description = "SQLITE_CANTOPEN")]
    [TestCase(19, ExpectedResult = false, Description = "SQLITE_CONSTRAINT")]
    [TestCase(1, ExpectedResult = false, Description = "SQLITE_ERROR, e.g. no such table")]
    public bool Sqlite_is_unavailable_when_the_file_is_locked_or_cannot_be_opened(int errorCode) =>
        DatabaseProviders.Get(DatabaseProviders.Sqlite).IsTransientOrUnavailable(new SqliteException("SQLite Error", errorCode));

    [TestCase("08006", ExpectedResult = true, Description = "connection failure")]
    [TestCase("08001", ExpectedResult = true, Description = "unable to establish a connection")]
    [TestCase("57P01", ExpectedResult = true, Description = "admin shutdown")]
    [TestCase("57P02", ExpectedResult = true, Description = "crash shutdown")]
    [TestCase("57P03", ExpectedResult = true, Description = "cannot connect now (starting up)")]
    [TestCase("53300", ExpectedResult = true, Description = "too many connections")]
    [TestCase("23505", ExpectedResult = false, Description = "unique violation")]
    [TestCase("42P01", ExpectedResult = false, Description = "undefined table")]
    public bool PostgreSql_is_unavailable_on_connection_and_shutdown_errors(string sqlState) =>
        DatabaseProviders.Get(DatabaseProviders.PostgreSql).IsTransientOrUnavailable(new PostgresException("server said no", "FATAL", "FATAL", sqlState));

    [Test]
    public void PostgreSql_is_unavailable_when_the_driver_cannot_reach_the_server()
    {
        var provider = DatabaseProviders.Get(DatabaseProviders.PostgreSql);
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Multiple(() =>
        {
            Assert.That(provider.IsTransientOrUnavailable(refused), Is.True);
            Assert.That(provider.IsTransientOrUnavailable(new NpgsqlException("Unsupported startup parameter")), Is.False);
        });
    }

    [Test]
    public void The_cause_is_found_inside_what_EF_Core_wraps_it_in()
    {
        var cannotOpen = new SqliteException("SQLite Error 14: 'unable to open database file'.", 14);
        var shutdown = new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown);

        Assert.Multiple(() =>
        {
            Assert.That(DatabaseProviders.Get(DatabaseProviders.Sqlite).IsTransientOrUnavailable(WrappedByEfCore(cannotOpen)), Is.True);
            Assert.That(DatabaseProviders.Get(DatabaseProviders.PostgreSql).IsTransientOrUnavailable(WrappedByEfCore(shutdown)), Is.True);
        });
    }

    [TestCase(DatabaseProviders.Sqlite)]
    [TestCase(DatabaseProviders.SqlServer)]
    [TestCase(DatabaseProviders.PostgreSql)]
    public void A_failure_that_is_not_about_reaching_the_database_is_not_unavailability(string provider) =>
        Assert.That(DatabaseProviders.Get(provider).IsTransientOrUnavailable(new InvalidOperationException("A bug", new ArgumentException("bad"))), Is.False);

    [TestCase(PostgresErrorCodes.UniqueViolation, ExpectedResult = true)]
    [TestCase(PostgresErrorCodes.ForeignKeyViolation, ExpectedResult = false)]
    public bool PostgreSql_recognises_a_unique_violation(string sqlState) =>
        DatabaseProviders.Get(DatabaseProviders.PostgreSql).IsUniqueViolation(
            new DbUpdateException("An error occurred while saving the entity changes.", new PostgresException("duplicate key", "ERROR", "ERROR", sqlState)));

    [TestCase(DatabaseProviders.Sqlite, "Data Source=enterprise.db", false)]
    [TestCase(DatabaseProviders.Sqlite, "Data Source=enterprise.db", true)]
    [TestCase(DatabaseProviders.PostgreSql, "Host=db.internal;Database=enterprise", false)]
    [TestCase(DatabaseProviders.PostgreSql, "Host=db.internal;Database=enterprise", true)]
    [TestCase(DatabaseProviders.SqlServer, "Server=db.internal;Database=Enterprise", false)]
    [TestCase(DatabaseProviders.SqlServer, "Server=db.internal;Database=Enterprise", true)]
    public void Every_provider_gives_its_context_the_configured_thread_safety_checks(string provider, string connectionString, bool checks)
    {
        using var serviceProvider = ApplicationContexts(new DatabaseOptions { Provider = provider, ConnectionString = connectionString, ThreadSafetyChecks = checks });
        using var scope = serviceProvider.CreateScope();

        var options = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>().GetService<IDbContextOptions>();

        Assert.That(options.FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled, Is.EqualTo(checks));
    }

    [TestCase(DatabaseProviders.Sqlite, "Data Source=enterprise.db")]
    [TestCase(DatabaseProviders.PostgreSql, "Host=db.internal;Database=enterprise")]
    [TestCase(DatabaseProviders.SqlServer, "Server=db.internal;Database=Enterprise")]
    public void Every_providers_context_compiles_query_executors_whose_nested_delegates_are_made_once(string provider, string connectionString)
    {
        using var serviceProvider = ApplicationContexts(new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        using var scope = serviceProvider.CreateScope();

#pragma warning disable EF9100 // The experimental service the application replaces (SharedDelegateConstantProcessor).
        var processor = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>().GetService<ILiftableConstantProcessor>();
#pragma warning restore EF9100

        Assert.That(processor, Is.InstanceOf<SharedDelegateConstantProcessor>());
    }

    /// <summary>The application's pooled context registration for <paramref name="options"/>, without a host.</summary>
    private static ServiceProvider ApplicationContexts(DatabaseOptions options)
    {
        var services = new ServiceCollection().AddSingleton<IHostEnvironment>(new HostEnvironmentAtCurrentDirectory());
        DatabaseProviders.Get(options.Provider).AddDbContext(services, options);
        return services.BuildServiceProvider();
    }

    /// <summary>A write that failed after the retry strategy gave up: how the driver's error reaches the application.</summary>
    private static RetryLimitExceededException WrappedByEfCore(Exception driverError) =>
        new RetryLimitExceededException("The maximum number of retries (3) was exceeded.", new DbUpdateException("An error occurred while saving the entity changes.", driverError));

    private sealed class HostEnvironmentAtCurrentDirectory : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Enterprise.WebApi";

        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
