using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Enterprise.ClusterTests.Infrastructure;

/// <summary>
/// What the cluster tests share: the cluster's state, HTTP clients for the balancer and for each instance (every request
/// names the fixture in its User-Agent, so the balancer's log shows where each of them went), and the shared database.
/// </summary>
public abstract class ClusterFixture
{
    protected const string CategoriesPath = "/api/v1/categories";
    protected const string ProductsPath = "/api/v1/products";
    protected const string OrdersPath = "/api/v2/orders";

    // Generous: only a failing run waits this long, and the kill test's surviving instance settles its orders alone.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(120);

    private readonly List<HttpClient> _clients = [];

    protected ClusterState Cluster { get; private set; } = null!;

    /// <summary>This fixture's mark in the User-Agent of its requests, and so in the balancer's log.</summary>
    protected string Marker { get; } = Guid.NewGuid().ToString("N");

    [OneTimeSetUp]
    public void ReadCluster() => Cluster = ClusterState.Require();

    [OneTimeTearDown]
    public void DisposeClients() => _clients.ForEach(client => client.Dispose());

    protected HttpClient ClientFor(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(40) };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("enterprise-cluster-tests", Marker));
        _clients.Add(client);
        return client;
    }

    protected string Token(string subject, params string[] scopes) => ClusterTokens.Create(Cluster, subject, scopes);

    /// <summary>A caller of its own: the write budget is per caller, so each test spends its own.</summary>
    protected static string NewSubject(string role) => $"{role}-{Guid.NewGuid():N}";

    protected static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? token, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>An active product with the given stock in a new category, created through the balancer by a new administrator.</summary>
    protected async Task<Guid> NewProductAsync(int stockQuantity)
    {
        var token = Token(NewSubject("catalog-admin"), ClusterTokens.CatalogWriteScope);
        var balancer = ClientFor(Cluster.Balancer);
        using var category = await SendAsync(balancer, HttpMethod.Post, CategoriesPath, token, new { name = $"Cluster {Guid.NewGuid():N}" });
        var categoryId = (await JsonAsync(category, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var product = await SendAsync(balancer, HttpMethod.Post, ProductsPath, token, new
        {
            sku = $"CL-{Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()}",
            name = $"Cluster product {Guid.NewGuid():N}",
            description = "Made by the cluster tests",
            price = 10m,
            currency = "EUR",
            stockQuantity,
            categoryId,
        });
        return (await JsonAsync(product, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>The balancer's log lines of this fixture's requests.</summary>
    protected IReadOnlyList<BalancerLogLine> BalancerLines() =>
        [.. BalancerLogLine.Read(Cluster.BalancerAccessLog).Where(line => line.UserAgent.Contains(Marker, StringComparison.Ordinal))];

    // ---- The shared database ----

    protected async Task<T> QueryAsync<T>(string sql, Func<NpgsqlDataReader, Task<T>> read, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = new NpgsqlConnection(Cluster.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        return await read(reader);
    }

    protected Task<int> StockOfAsync(Guid productId) =>
        QueryAsync(
            """SELECT "StockQuantity" FROM catalog."Products" WHERE "Id" = @id""",
            async reader => await reader.ReadAsync() ? reader.GetInt32(0) : throw new AssertionException($"product {productId} is not in the database"),
            ("id", productId));

    /// <summary>The stored status of each of the orders that exist, by id.</summary>
    protected Task<Dictionary<Guid, string>> OrderStatusesAsync(IReadOnlyCollection<Guid> orderIds) =>
        QueryAsync(
            """SELECT "Id", "Status" FROM ordering."Orders" WHERE "Id" = ANY(@ids)""",
            async reader =>
            {
                var statuses = new Dictionary<Guid, string>();
                while (await reader.ReadAsync())
                {
                    statuses[reader.GetGuid(0)] = reader.GetString(1);
                }

                return statuses;
            },
            ("ids", orderIds.ToArray()));

    /// <summary>The ids of the orders placed by customers whose subject starts with <paramref name="prefix"/>.</summary>
    protected Task<List<Guid>> OrdersOfCustomersAsync(string prefix) =>
        QueryAsync(
            """SELECT "Id" FROM ordering."Orders" WHERE starts_with("CustomerId", @prefix)""",
            async reader =>
            {
                var ids = new List<Guid>();
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetGuid(0));
                }

                return ids;
            },
            ("prefix", prefix));

    /// <summary>
    /// Every outbox row whose event names one of the orders (its placement, Catalog's answer), with how many consumers
    /// recorded it in the inbox: handled once is exactly one inbox row.
    /// </summary>
    protected Task<List<OrderEvent>> OrderEventsAsync(IReadOnlyCollection<Guid> orderIds) =>
        QueryAsync(
            """
            SELECT o."EventName", o."SentAt" IS NOT NULL,
                   (SELECT count(*) FROM messaging."InboxMessages" i WHERE i."MessageId" = o."Id")::int
            FROM messaging."OutboxMessages" o
            WHERE o."Payload" LIKE ANY(@patterns)
            """,
            async reader =>
            {
                var events = new List<OrderEvent>();
                while (await reader.ReadAsync())
                {
                    events.Add(new OrderEvent(reader.GetString(0), reader.GetBoolean(1), reader.GetInt32(2)));
                }

                return events;
            },
            ("patterns", orderIds.Select(id => $"%{id}%").ToArray()));

    /// <summary>
    /// Polls until <paramref name="settled"/> holds; fails the test when it still does not after the settle timeout, with
    /// what <paramref name="whatIsLeft"/> describes as not settled yet.
    /// </summary>
    protected static async Task SettledAsync(string what, Func<Task<bool>> settled, Func<Task<string>>? whatIsLeft = null)
    {
        ArgumentNullException.ThrowIfNull(settled);
        var clock = Stopwatch.StartNew();
        while (!await settled())
        {
            if (clock.Elapsed >= SettleTimeout)
            {
                Assert.Fail($"{what} within {SettleTimeout}{(whatIsLeft is null ? string.Empty : "; not settled: " + await whatIsLeft())}");
            }

            await Task.Delay(200);
        }

        await TestContext.Out.WriteLineAsync($"{what}: {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Waits until none of the orders is pending any more (Catalog's answer reached each) and answers their statuses.</summary>
    protected async Task<Dictionary<Guid, string>> SettledOrdersAsync(IReadOnlyCollection<Guid> orderIds)
    {
        var statuses = new Dictionary<Guid, string>();
        await SettledAsync($"{orderIds.Count} orders settled", async () =>
        {
            statuses = await OrderStatusesAsync(orderIds);
            return statuses.Count == orderIds.Count && statuses.Values.All(status => status != "Pending");
        },
        () => PendingOrdersAsync(orderIds));
        return statuses;
    }

    /// <summary>Each pending order with the delivery state of its events: what a failed settle needs to be understood.</summary>
    private Task<string> PendingOrdersAsync(IReadOnlyCollection<Guid> orderIds) =>
        QueryAsync(
            """
            SELECT o."Id", o."Status", m."EventName", m."OccurredAt", m."SentAt", m."Attempts", m."NextAttemptAt",
                   m."LockedUntil", m."DeadLetteredAt", m."LastError",
                   (SELECT string_agg(i."ConsumerName", ',') FROM messaging."InboxMessages" i WHERE i."MessageId" = m."Id")
            FROM ordering."Orders" o
            LEFT JOIN messaging."OutboxMessages" m ON m."Payload" LIKE '%' || o."Id"::text || '%'
            WHERE o."Id" = ANY(@ids) AND o."Status" = 'Pending'
            ORDER BY o."Id", m."OccurredAt"
            """,
            async reader =>
            {
                var lines = new List<string>();
                while (await reader.ReadAsync())
                {
                    var cells = Enumerable.Range(0, reader.FieldCount)
                        .Select(column => $"{reader.GetName(column)}={(reader.IsDBNull(column) ? "null" : reader.GetValue(column))}");
                    lines.Add(string.Join(' ', cells));
                }

                return $"{lines.Count} event row(s) of pending orders at {DateTime.UtcNow:O}:\n{string.Join('\n', lines)}";
            },
            ("ids", orderIds.ToArray()));
}

/// <summary>An outbox row of an order's event: whether the relay sent it, and how many inbox rows record it as handled.</summary>
public sealed record OrderEvent(string EventName, bool Sent, int TimesHandled);
