namespace Enterprise.Infrastructure.Catalog;

/// <summary>The database schema of Catalog's tables on providers that have schemas (SQLite ignores it).</summary>
internal static class CatalogSchema
{
    public const string Name = "catalog";
}
