using Enterprise.Infrastructure.Persistence.PostgreSql;
using Enterprise.Infrastructure.Persistence.Sqlite;
using Enterprise.Infrastructure.Persistence.SqlServer;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>The database engines Enterprise runs on, by their configuration name.</summary>
public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
    public const string PostgreSql = "PostgreSql";

    private static readonly Dictionary<string, IDatabaseProvider> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        [Sqlite] = new SqliteDatabaseProvider(),
        [SqlServer] = new SqlServerDatabaseProvider(),
        [PostgreSql] = new PostgreSqlDatabaseProvider(),
    };

    public static IReadOnlyCollection<string> Supported => ByName.Values.Select(provider => provider.Name).ToArray();

    public static bool IsSupported(string? name) => name is not null && ByName.ContainsKey(name);

    public static IDatabaseProvider Get(string name) => ByName[name];
}
