using System.Reflection;
using Enterprise.Infrastructure.Persistence;
using Enterprise.Infrastructure.Persistence.Sqlite;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Enterprise.IntegrationTests.Persistence;

/// <summary><c>Enterprise.WebApi migrate</c>, the deployment step: applies the migrations and exits, without serving.</summary>
[Parallelizable(ParallelScope.None)]
public sealed class MigrateCommandTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "enterprise-tests", $"migrate-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task Migrate_creates_the_schema_of_a_new_database_and_a_second_run_changes_nothing()
    {
        var databasePath = Path.Combine(_directory, "enterprise.db");

        var first = await RunMigrateAsync(DatabaseProviders.Sqlite, $"Data Source={databasePath}");
        var tablesAfterFirst = await TablesAsync(databasePath);
        var second = await RunMigrateAsync(DatabaseProviders.Sqlite, $"Data Source={databasePath}");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(0), first.Describe());
            Assert.That(first.Output, Does.Contain($"applied {SqliteMigrationCount()} pending migration(s)"));
            Assert.That(first.Output, Does.Not.Contain("Now listening on"), "no server is started");
            Assert.That(tablesAfterFirst, Is.SupersetOf(new[] { "Categories", "Products", "IdempotencyRecords", "OutboxMessages", "InboxMessages", "__EFMigrationsHistory" }));
            Assert.That(second.ExitCode, Is.EqualTo(0), second.Describe());
            Assert.That(second.Output, Does.Contain("applied 0 pending migration(s)"));
        });
    }

    [Test]
    public async Task Migrate_against_a_database_file_that_cannot_be_opened_exits_1_with_the_reason()
    {
        var unreachable = $"Data Source={Path.Combine(_directory, "missing-directory", "enterprise.db")}";

        var run = await RunMigrateAsync(DatabaseProviders.Sqlite, unreachable);

        AssertFailedBecauseUnreachable(run, "the Sqlite database could not be reached or is unavailable: SQLite Error 14");
    }

    [Test]
    public async Task Migrate_against_a_PostgreSQL_server_that_is_not_running_exits_1_with_the_reason()
    {
        var unreachable = $"Host=127.0.0.1;Port={LocalPorts.Free()};Database=enterprise;Username=enterprise;Password=hunter2;Timeout=3";

        var run = await RunMigrateAsync(DatabaseProviders.PostgreSql, unreachable);

        AssertFailedBecauseUnreachable(run, "the PostgreSql database could not be reached or is unavailable: Failed to connect to 127.0.0.1");
    }

    private static void AssertFailedBecauseUnreachable(MigrateRun run, string reason) =>
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Describe());
            Assert.That(run.Error, Does.StartWith($"Enterprise failed to migrate the database: {reason}"));
            Assert.That(run.Error, Does.Not.Contain("hunter2"));
            Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace");
        });

    private static async Task<string[]> TablesAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return [.. tables];
    }

    /// <summary>Runs the built application as a deployment would, and waits for it to exit by itself.</summary>
    private static async Task<MigrateRun> RunMigrateAsync(string provider, string connectionString)
    {
        using var process = ApplicationProcess.Start(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = provider,
                ["ConnectionStrings__Enterprise"] = connectionString,
            },
            "migrate");
        var exitCode = await process.WaitForExitAsync(RunTimeout)
            ?? throw new TimeoutException($"migrate did not exit within {RunTimeout.TotalSeconds} s.");
        return new MigrateRun(exitCode, process.Output, process.Error);
    }

    private sealed record MigrateRun(int ExitCode, string Output, string Error)
    {
        public string Describe() => $"exit {ExitCode}{Environment.NewLine}{Output}{Error}";
    }

    /// <summary>Every SQLite migration the application has: a fresh database gets them all.</summary>
    private static int SqliteMigrationCount() =>
        typeof(SqliteEnterpriseDbContext).Assembly.GetTypes()
            .Count(type => type.IsSubclassOf(typeof(Migration)) && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteEnterpriseDbContext));
}
