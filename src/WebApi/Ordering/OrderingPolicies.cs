using Enterprise.Application.Ordering;
using Enterprise.WebApi.Security;
using Microsoft.AspNetCore.Authorization;

namespace Enterprise.WebApi.Ordering;

/// <summary>Ordering's authorization policies; the same rules its commands and queries declare for the application layer.</summary>
internal static class OrderingPolicies
{
    /// <summary>Orders belong to a customer: reading them always needs a signed-in caller, whatever the anonymous-read setting.</summary>
    public const string Read = "Ordering.Read";
    public const string Write = "Ordering.Write";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(Write, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => TokenClaims.Scopes(context.User).Contains(OrderingPermissions.WriteScope)));
    }
}
