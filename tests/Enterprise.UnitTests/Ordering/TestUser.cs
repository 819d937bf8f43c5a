using Enterprise.Application.Common.Security;
using Enterprise.Application.Ordering;
using Moq;

namespace Enterprise.UnitTests.Ordering;

/// <summary>The callers of the order use cases: the customer who placed the sample orders, another customer, an admin.</summary>
internal static class TestUser
{
    public static ICurrentUser Customer(string subject = OrderTestData.Customer) => User(subject, roles: []);

    public static ICurrentUser Admin() => User("an-admin", roles: [OrderingPermissions.AdminRole]);

    public static ICurrentUser Anonymous() => Mock.Of<ICurrentUser>(user =>
        user.IsAuthenticated == false && user.Subject == null && user.Scopes == new HashSet<string>() && user.Roles == new HashSet<string>());

    private static ICurrentUser User(string subject, string[] roles) => Mock.Of<ICurrentUser>(user =>
        user.IsAuthenticated == true &&
        user.Subject == subject &&
        user.Scopes == new HashSet<string> { OrderingPermissions.WriteScope } &&
        user.Roles == new HashSet<string>(roles));
}
