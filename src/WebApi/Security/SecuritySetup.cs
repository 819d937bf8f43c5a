using Enterprise.Application.Common.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Security;

internal static class SecuritySetup
{
    /// <summary>JWT bearer authentication, the policies, and the current user for the application layer; settings validated at start.</summary>
    public static IServiceCollection AddApiSecurity(this IServiceCollection services)
    {
        services.AddOptions<JwtSettings>().BindConfiguration(JwtSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtSettings>, JwtSettingsValidator>();
        services.AddOptions<AuthorizationSettings>().BindConfiguration(AuthorizationSettings.SectionName);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<AuthorizationSettings>>().Value);

        // AddJwtBearer() binds Authentication:Schemes:Bearer (and, in Development, the dotnet user-jwts keys); Authentication:Jwt is added on top.
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtSettings>>((bearer, settings) =>
            {
                settings.Value.ApplyTo(bearer);
                // Keep the claims as the token names them (sub, scope, role) instead of mapping them to WS-* URIs.
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters.NameClaimType = TokenClaims.Subject;
                bearer.TokenValidationParameters.RoleClaimType = TokenClaims.Role;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtBearerOptions>, JwtBearerOptionsValidator>();

        // Each module adds its own policies (for example CatalogModule).
        services.AddAuthorization();

        services.AddHttpContextAccessor();
        return services.AddScoped<ICurrentUser, HttpCurrentUser>();
    }

    /// <summary>
    /// Inside the status-code pages, so a 401 or 403 from a policy gets a problem body with the request's ids;
    /// responses to authenticated requests are never stored by caches.
    /// </summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(static (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        app.UseAuthorization();
        return app;
    }
}
