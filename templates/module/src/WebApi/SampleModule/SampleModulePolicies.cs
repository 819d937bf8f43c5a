using Enterprise.Application.SampleModule;
using Enterprise.WebApi.Security;
using Microsoft.AspNetCore.Authorization;

namespace Enterprise.WebApi.SampleModule;

/// <summary>SampleModule's authorization policies; the same rules its commands declare for the application layer.</summary>
internal static class SampleModulePolicies
{
    public const string Read = "SampleModule.Read";
    public const string Write = "SampleModule.Write";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(Write, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => TokenClaims.Scopes(context.User).Contains(SampleModulePermissions.WriteScope)));
    }
}
