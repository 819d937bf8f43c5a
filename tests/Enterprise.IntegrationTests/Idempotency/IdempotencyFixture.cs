using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Enterprise.Application.Common.Idempotency;
using Enterprise.IntegrationTests.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Idempotency;

/// <summary>Base for the Idempotency-Key fixtures: keyed sends, the stored key rows, and direct use of the key store.</summary>
public abstract class IdempotencyFixture(DatabaseUnderTest database) : CatalogFixture(database)
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The subject of <see cref="TestTokens.Administrator"/>, which the fixtures' client sends.</summary>
    protected const string AdministratorSubject = "test-admin";

    protected static string NewKey() => $"key-{Guid.NewGuid()}";

    /// <summary>How the store names a caller: the SHA-256 of the subject, in hex.</summary>
    protected static string ScopeHashOf(string subject) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)));

    protected static string WriterToken(string subject) => TestTokens.Create(subject, scopes: [TestTokens.WriteScope]);

    /// <summary>Sends the JSON body with <c>Idempotency-Key</c> values exactly as given (none when empty) and, optionally, another caller's token.</summary>
    protected async Task<HttpResponseMessage> SendWithKeyAsync(HttpMethod method, string path, JsonNode? body, string[] keys, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, JsonMediaType);
        }

        if (keys.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(KeyHeader, keys);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    protected Task<HttpResponseMessage> PostWithKeyAsync(string path, JsonNode body, string key, string? token = null) =>
        SendWithKeyAsync(HttpMethod.Post, path, body, [key], token);

    protected Task<List<IdempotencyRecord>> KeyRowsAsync(string key) =>
        Factory.QueryDatabaseAsync(db => db.Set<IdempotencyRecord>().AsNoTracking().Where(row => row.Key == key).ToListAsync());

    protected Task<List<IdempotencyRecord>> KeyRowsOfCallerAsync(string subject)
    {
        var scopeHash = ScopeHashOf(subject);
        return Factory.QueryDatabaseAsync(db => db.Set<IdempotencyRecord>().AsNoTracking().Where(row => row.ScopeHash == scopeHash).ToListAsync());
    }

    /// <summary>Moves the key's expiry into the past, as if its time had run out.</summary>
    protected Task ExpireAsync(string key) =>
        Factory.QueryDatabaseAsync(db => db.Set<IdempotencyRecord>()
            .Where(row => row.Key == key)
            .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

    /// <summary>Uses the application's own key store, outside any request.</summary>
    protected async Task<T> WithStoreAsync<T>(Func<IIdempotencyStore, Task<T>> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IIdempotencyStore>());
    }
}
