using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>A database of its own for one application host: created empty, migrated by the host, removed afterwards.</summary>
public abstract class TestDatabase : IDisposable
{
    public abstract DatabaseUnderTest Kind { get; }

    /// <summary>The value for <c>Database:Provider</c>.</summary>
    public string Provider => Kind.ToString();

    public abstract string ConnectionString { get; }

    public static TestDatabase Create(DatabaseUnderTest kind) => kind switch
    {
        DatabaseUnderTest.Sqlite => new SqliteTestDatabase(),
        DatabaseUnderTest.PostgreSql => new PostgresTestDatabase(TestServers.RequirePostgres()),
        DatabaseUnderTest.SqlServer => new SqlServerTestDatabase(TestServers.SqlServerConnectionString!),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown database."),
    };

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

/// <summary>A database file in a temporary directory of its own.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "enterprise-tests", Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase() => Directory.CreateDirectory(_directory);

    public override DatabaseUnderTest Kind => DatabaseUnderTest.Sqlite;

    public string FilePath => Path.Combine(_directory, "enterprise.db");

    public override string ConnectionString => $"Data Source={FilePath}";

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp directory behind; it must not fail the run.
        }
    }
}

/// <summary>A database of its own on a shared PostgreSQL server, dropped (with its sessions) afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _serverConnectionString;
    private readonly string _name = $"enterprise_test_{Guid.NewGuid():N}";

    public PostgresTestDatabase(string serverConnectionString)
    {
        _serverConnectionString = serverConnectionString;
        Execute($"CREATE DATABASE \"{_name}\"");
    }

    public override DatabaseUnderTest Kind => DatabaseUnderTest.PostgreSql;

    public override string ConnectionString => TestServers.PostgresDatabase(_serverConnectionString, _name).ConnectionString;

    protected override void Dispose(bool disposing)
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The outage tests stop their server; a database that cannot be dropped goes with the server's directory.
        }
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(TestServers.PostgresDatabase(_serverConnectionString, "postgres").ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A database of its own on a SQL Server named by <see cref="TestServers.SqlServerVariable"/>, dropped afterwards.</summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    private readonly string _serverConnectionString;
    private readonly string _name = $"enterprise_test_{Guid.NewGuid():N}";

    public SqlServerTestDatabase(string serverConnectionString)
    {
        _serverConnectionString = serverConnectionString;
        Execute($"CREATE DATABASE [{_name}]");
    }

    public override DatabaseUnderTest Kind => DatabaseUnderTest.SqlServer;

    public override string ConnectionString => new SqlConnectionStringBuilder(_serverConnectionString) { InitialCatalog = _name }.ConnectionString;

    protected override void Dispose(bool disposing)
    {
        SqlConnection.ClearAllPools();
        Execute($"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]");
    }

    private void Execute(string sql)
    {
        using var connection = new SqlConnection(new SqlConnectionStringBuilder(_serverConnectionString) { InitialCatalog = "master" }.ConnectionString);
        connection.Open();
        using var command = new SqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
