using Enterprise.Infrastructure.Persistence.Sqlite;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>The database engines Enterprise runs on, by their configuration name.</summary>
public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";

    private static readonly Dictionary<string, IDatabaseProvider> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        [Sqlite] = new SqliteDatabaseProvider(),
    };

    public static IReadOnlyCollection<string> Supported => ByName.Values.Select(provider => provider.Name).ToArray();

    public static bool IsSupported(string? name) => name is not null && ByName.ContainsKey(name);

    public static IDatabaseProvider Get(string name) => ByName[name];
}
