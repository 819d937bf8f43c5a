namespace Enterprise.Application.Ordering;

/// <summary>The scopes and roles Ordering's use cases ask for; the API's policies use the same names.</summary>
public static class OrderingPermissions
{
    /// <summary>Granted to clients that may place, cancel and ship orders.</summary>
    public const string WriteScope = "orders:write";

    /// <summary>Users who may read and list every customer's orders, and ship them.</summary>
    public const string AdminRole = "admin";
}
