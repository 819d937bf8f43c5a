namespace Enterprise.Application.Catalog;

/// <summary>The scopes and roles the Catalog's use cases ask for; the API's policies use the same names.</summary>
public static class CatalogPermissions
{
    /// <summary>Granted to clients that may create, change and delete catalog data.</summary>
    public const string WriteScope = "catalog:write";

    /// <summary>Users who may delete categories.</summary>
    public const string AdminRole = "admin";
}
