using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Enterprise.ClusterTests.Infrastructure;

/// <summary>
/// Bearer tokens signed (HS256) with the key every instance of the cluster was started with: one key for all, so a
/// token is valid whichever instance the balancer picks.
/// </summary>
public static class ClusterTokens
{
    public const string CatalogWriteScope = "catalog:write";
    public const string OrdersWriteScope = "orders:write";

    public static string Create(ClusterState cluster, string subject, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["iss"] = cluster.JwtIssuer,
            ["aud"] = cluster.JwtAudience,
            ["scope"] = string.Join(' ', scopes),
            ["iat"] = now,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
        };
        var unsigned = $"{Encode(new Dictionary<string, string> { ["alg"] = "HS256", ["typ"] = "JWT" })}.{Encode(claims)}";
        var signature = HMACSHA256.HashData(Convert.FromBase64String(cluster.JwtSigningKey), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Encode<T>(T value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
