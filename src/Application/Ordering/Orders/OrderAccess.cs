using Enterprise.Application.Common.Security;

namespace Enterprise.Application.Ordering.Orders;

/// <summary>
/// Who may see an order: its customer, and admins. To anyone else it does not exist (not found, never forbidden), so
/// an id cannot reveal that someone else's order exists.
/// </summary>
internal static class OrderAccess
{
    public static bool IsAdmin(this ICurrentUser user) => user.Roles.Contains(OrderingPermissions.AdminRole);

    public static bool MaySee(this ICurrentUser user, string customerId) =>
        user.IsAuthenticated && (user.IsAdmin() || string.Equals(user.Subject, customerId, StringComparison.Ordinal));
}
