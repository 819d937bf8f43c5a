using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Auth;

/// <summary>
/// After a run full of tokens, passwords in bodies and a connection string with a password in the
/// configuration, no captured log event (message or property) contains any of them.
/// </summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class LogSecrecyTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string ConfiguredSecretConnectionString = "Host=reporting.internal;Username=report;Password=Rep0rt-S3cret";

    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        ["ConnectionStrings:Reporting"] = ConfiguredSecretConnectionString,
    });

    [Test]
    public async Task No_log_event_holds_a_token_a_password_or_a_connection_string()
    {
        var tokens = new[]
        {
            TestTokens.Administrator,
            TestTokens.Create("reader", scopes: ["catalog:read"]),
            TestTokens.Create("late", scopes: [TestTokens.WriteScope], expires: DateTime.UtcNow.AddMinutes(-10)),
            TestTokens.Create("forger", scopes: [TestTokens.WriteScope], signingKey: Convert.ToBase64String(new byte[48])),
            TestTokens.Create("elsewhere", scopes: [TestTokens.WriteScope], audience: "another-api"),
        };
        var category = await CreateCategoryAsync();
        var categoryId = category.GetProperty("id").GetGuid();
        foreach (var token in tokens)
        {
            using var client = Factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await client.GetAsync("/api/v1/products")).Dispose();
            (await client.PostAsync("/api/v1/categories", JsonBody("""{ "name": "Password=hunter2" }"""))).Dispose();
            (await client.PostAsync("/api/v1/categories", JsonBody("""{ "name": "x", "password": "Password=hunter2" }"""))).Dispose();
            (await client.PostAsync("/api/v1/products", JsonBody($$"""{ "sku": "PW-1", "name": "Password=hunter2", "price": 1, "currency": "EUR", "stockQuantity": 1, "categoryId": "{{categoryId}}" """))).Dispose();
            (await client.DeleteAsync($"/api/v1/categories/{Guid.NewGuid()}")).Dispose();
        }

        var logged = Factory.Logs.Events
            .SelectMany(logEvent => new[] { logEvent.RenderMessage(CultureInfo.InvariantCulture), logEvent.Exception?.ToString() ?? string.Empty }
                .Concat(logEvent.Properties.Values.Select(value => value.ToString())))
            .ToArray();
        var secrets = tokens
            .SelectMany(token => new[] { token, token.Split('.')[2] })
            .Append("Password=")
            .Append("hunter2")
            .Append(ConfiguredSecretConnectionString)
            .Append(Factory.Database.ConnectionString)
            .Append(TestTokens.SigningKey);

        Assert.That(logged, Is.Not.Empty);
        foreach (var secret in secrets)
        {
            Assert.That(logged.Where(text => text.Contains(secret, StringComparison.OrdinalIgnoreCase)), Is.Empty, $"logged: {secret}");
        }
    }

    private static StringContent JsonBody(string body) => new(body, Encoding.UTF8, "application/json");
}
