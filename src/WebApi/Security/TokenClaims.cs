using System.Security.Claims;

namespace Enterprise.WebApi.Security;

/// <summary>
/// Reads scopes and roles the way identity providers actually send them: <c>scope</c> as one
/// space-separated string (RFC 8693) or repeated <c>scp</c>/<c>scope</c> claims; roles as <c>role</c> or <c>roles</c>.
/// </summary>
internal static class TokenClaims
{
    public const string Subject = "sub";
    public const string Role = "role";

    private static readonly string[] ScopeTypes = ["scope", "scp"];
    private static readonly string[] RoleTypes = [Role, "roles", ClaimTypes.Role];

    public static HashSet<string> Scopes(ClaimsPrincipal? user) =>
        [.. ValuesOf(user, ScopeTypes).SelectMany(value => value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    public static HashSet<string> Roles(ClaimsPrincipal? user) => [.. ValuesOf(user, RoleTypes)];

    private static IEnumerable<string> ValuesOf(ClaimsPrincipal? user, string[] types) =>
        user?.Claims.Where(claim => types.Contains(claim.Type, StringComparer.Ordinal)).Select(claim => claim.Value) ?? [];
}
