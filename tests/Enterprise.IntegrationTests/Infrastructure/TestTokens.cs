using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>Mints bearer tokens the way an identity provider would, signed with the key every test host trusts.</summary>
public static class TestTokens
{
    public const string Issuer = "https://identity.enterprise.test";
    public const string Audience = "enterprise-api";
    public const string WriteScope = "catalog:write";
    public const string AdminRole = "admin";

    /// <summary>Base64 of 48 fixed bytes: a test-only key, useless anywhere else.</summary>
    public static readonly string SigningKey = Convert.ToBase64String([.. Enumerable.Range(1, 48).Select(value => (byte)value)]);

    /// <summary>The settings that make a host trust <see cref="Create"/>'s tokens.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Authentication:Jwt:Issuer"] = Issuer,
        ["Authentication:Jwt:Audience"] = Audience,
        ["Authentication:Jwt:SigningKeys:0"] = SigningKey,
    };

    /// <summary>The token the fixtures' default client sends: it may do everything.</summary>
    public static string Administrator { get; } = Create("test-admin", scopes: [WriteScope], roles: [AdminRole]);

    public static string Create(
        string subject,
        IEnumerable<string>? scopes = null,
        IEnumerable<string>? roles = null,
        DateTime? expires = null,
        string audience = Audience,
        string? signingKey = null,
        bool scopeClaimsPerValue = false)
    {
        var claims = new List<Claim> { new("sub", subject) };
        var scopeList = scopes?.ToArray() ?? [];
        if (scopeClaimsPerValue)
        {
            // How Microsoft Entra ID and some other providers send them: one scp claim per scope.
            claims.AddRange(scopeList.Select(scope => new Claim("scp", scope)));
        }
        else if (scopeList.Length > 0)
        {
            claims.Add(new Claim("scope", string.Join(' ', scopeList)));
        }

        claims.AddRange((roles ?? []).Select(role => new Claim("role", role)));
        var expiresAt = expires ?? DateTime.UtcNow.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expiresAt.AddHours(-2),
            IssuedAt = expiresAt.AddHours(-2),
            Expires = expiresAt,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(signingKey ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
