using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Enterprise.WebApi.Security;

/// <summary>
/// The <c>Authentication:Jwt</c> configuration section: either an OpenID Connect <see cref="Authority"/>
/// (keys and issuer from its discovery document), or a fixed <see cref="Issuer"/>, <see cref="Audience"/>
/// and symmetric <see cref="SigningKeys"/>. The standard <c>Authentication:Schemes:Bearer</c> section
/// (written by <c>dotnet user-jwts</c>) is read as well, by ASP.NET Core itself.
/// </summary>
public sealed class JwtSettings
{
    public const string SectionName = "Authentication:Jwt";

    /// <summary>HS256 needs a key longer than 256 bits; a shorter one fails every token, so it fails the start instead.</summary>
    internal const int MinimumKeyBytes = 33;

    public string? Authority { get; set; }

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    /// <summary>Base64 symmetric keys; several, so a new key can be added before the old one is retired.</summary>
    public IList<string> SigningKeys { get; } = [];

    internal void ApplyTo(JwtBearerOptions bearer)
    {
        var parameters = bearer.TokenValidationParameters;
        if (!string.IsNullOrWhiteSpace(Authority))
        {
            bearer.Authority = Authority;
        }

        if (!string.IsNullOrWhiteSpace(Issuer))
        {
            parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], Issuer];
            parameters.ValidateIssuer = true;
        }

        if (!string.IsNullOrWhiteSpace(Audience))
        {
            parameters.ValidAudiences = [.. parameters.ValidAudiences ?? [], Audience];
            parameters.ValidateAudience = true;
        }

        if (SigningKeys.Count > 0)
        {
            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. SigningKeys.Select(key => new SymmetricSecurityKey(Convert.FromBase64String(key)))];
        }
    }
}

internal sealed class JwtSettingsValidator : IValidateOptions<JwtSettings>
{
    public ValidateOptionsResult Validate(string? name, JwtSettings options)
    {
        var failures = new List<string>();
        for (var index = 0; index < options.SigningKeys.Count; index++)
        {
            var key = options.SigningKeys[index];
            var bytes = new byte[key.Length];
            if (!Convert.TryFromBase64String(key, bytes, out var length) || length < JwtSettings.MinimumKeyBytes)
            {
                failures.Add($"{JwtSettings.SectionName}:SigningKeys:{index} (environment Authentication__Jwt__SigningKeys__{index}) must be base64 of at least {JwtSettings.MinimumKeyBytes} bytes (for example: openssl rand -base64 48).");
            }
        }

        var fixedKeyParts = new[] { options.Issuer, options.Audience }.Count(value => !string.IsNullOrWhiteSpace(value)) + (options.SigningKeys.Count > 0 ? 1 : 0);
        if (string.IsNullOrWhiteSpace(options.Authority) && fixedKeyParts is > 0 and < 3)
        {
            failures.Add($"{JwtSettings.SectionName} needs Issuer, Audience and SigningKeys together (environment Authentication__Jwt__Issuer, Authentication__Jwt__Audience, Authentication__Jwt__SigningKeys__0), or an Authority.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Outside Development a host that cannot validate any token is a misconfiguration: it stops the start.</summary>
internal sealed class JwtBearerOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtBearerOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme || environment.IsDevelopment())
        {
            return ValidateOptionsResult.Skip;
        }

        var parameters = options.TokenValidationParameters;
        var hasFixedKeys = HasAny(parameters.ValidIssuers, parameters.ValidIssuer)
            && HasAny(parameters.ValidAudiences, parameters.ValidAudience)
            && (parameters.IssuerSigningKeys?.Any() == true || parameters.IssuerSigningKey is not null);
        return !string.IsNullOrWhiteSpace(options.Authority) || hasFixedKeys
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"authentication is not configured for the {environment.EnvironmentName} environment: set {JwtSettings.SectionName}:Authority " +
                "(environment Authentication__Jwt__Authority), or Issuer, Audience and SigningKeys " +
                "(environment Authentication__Jwt__Issuer, Authentication__Jwt__Audience, Authentication__Jwt__SigningKeys__0).");
    }

    private static bool HasAny(IEnumerable<string>? values, string? value) =>
        !string.IsNullOrWhiteSpace(value) || values?.Any(item => !string.IsNullOrWhiteSpace(item)) == true;
}
