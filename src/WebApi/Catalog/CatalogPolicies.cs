using Enterprise.Application.Catalog;
using Enterprise.Application.Common.Security;
using Enterprise.WebApi.Security;
using Microsoft.AspNetCore.Authorization;

namespace Enterprise.WebApi.Catalog;

/// <summary>The Catalog's authorization policies; the same rules its commands and queries declare for the application layer.</summary>
internal static class CatalogPolicies
{
    public const string Read = "Catalog.Read";
    public const string Write = "Catalog.Write";
    public const string DeleteCategory = "Catalog.DeleteCategory";

    public static void Add(AuthorizationOptions options, AuthorizationSettings settings)
    {
        options.AddPolicy(Read, policy =>
        {
            if (settings.AllowAnonymousReads)
            {
                policy.RequireAssertion(_ => true);
            }
            else
            {
                policy.RequireAuthenticatedUser();
            }
        });
        options.AddPolicy(Write, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => TokenClaims.Scopes(context.User).Contains(CatalogPermissions.WriteScope)));
        options.AddPolicy(DeleteCategory, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => TokenClaims.Scopes(context.User).Contains(CatalogPermissions.WriteScope))
            .RequireAssertion(context => TokenClaims.Roles(context.User).Contains(CatalogPermissions.AdminRole)));
    }
}
