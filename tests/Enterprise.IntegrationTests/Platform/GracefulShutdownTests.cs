using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Ordering;
using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Messaging.Inbox;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.Infrastructure.Persistence.PostgreSql;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.IntegrationTests.Platform;

/// <summary>
/// SIGTERM to the real process on PostgreSQL while several clients read products and place orders: readiness turns 503
/// at once, every request the server accepted completes with its normal status, the process exits 0, and after a restart
/// every accepted order's events have been relayed and handled exactly once.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const int Readers = 3;
    private const int Writers = 3;
    private const int InitialStock = 1_000_000;
    private const string ProductsPath = "/api/v1/products";
    private const string OrdersPath = "/api/v2/orders";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LoadBeforeTerm = TimeSpan.FromSeconds(2);

    /// <summary>Long enough for the readiness poller to see 503 while the server still serves.</summary>
    private static readonly TimeSpan DelayBeforeDrain = TimeSpan.FromSeconds(1);

    private readonly string _queuePrefix = $"test-{Guid.NewGuid():N}";

    [TestCase(MessagingTransports.InProcess)]
    [TestCase(MessagingTransports.RabbitMq)]
    public async Task Sigterm_under_load_fails_no_accepted_request_exits_0_and_every_accepted_order_is_settled_once(string transport)
    {
        var broker = transport == MessagingTransports.RabbitMq ? TestServers.RequireRabbitMq() : null;
        using var database = new PostgresTestDatabase(TestServers.RequirePostgres());
        try
        {
            var port = LocalPorts.Free();
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            var settings = new ProcessSettings(database, baseAddress, broker, _queuePrefix, DelayBeforeDrain);

            var (outcomes, readiness, requestsInFlightAtTerm, exitCode, output, productId) = await RunUnderLoadAndTerminateAsync(settings, baseAddress);
            var acceptedOrders = outcomes.Where(outcome => outcome.OrderId is not null).Select(outcome => outcome.OrderId!.Value).ToArray();
            var leftUnsent = await QueryAsync(database, db => db.Set<OutboxMessage>().CountAsync(row => row.SentAt == null));

            // The restart relays what the first process left in the outbox; then it is stopped the same way.
            using (var restarted = await StartReadyAsync(settings with { DelayBeforeDrain = TimeSpan.Zero }, baseAddress))
            {
                await SettledAsync(database, acceptedOrders);
                await restarted.TerminateAsync();
                Assert.That(await restarted.WaitForExitAsync(ExitTimeout), Is.Zero, restarted.Output + restarted.Error);
            }

            var failures = outcomes.Where(outcome => outcome.Kind == OutcomeKind.Failed).ToArray();
            var completed = outcomes.Where(outcome => outcome.Kind == OutcomeKind.Completed).ToArray();
            var firstNotReady = readiness.FirstOrDefault(probe => probe.Ready == HttpStatusCode.ServiceUnavailable);
            var firstRefusal = outcomes.Where(outcome => outcome.Kind == OutcomeKind.NotAccepted).Select(outcome => outcome.EndedAt).DefaultIfEmpty(long.MaxValue).Min();
            await TestContext.Out.WriteLineAsync(
                $"{transport}: {requestsInFlightAtTerm} requests in flight at SIGTERM, failures: {failures.Length}; " +
                $"{completed.Length} requests completed ({acceptedOrders.Length} orders accepted), " +
                $"{completed.Count(outcome => outcome.StartedAt < firstRefusal && outcome.EndedAt > firstRefusal)} of them after the server had stopped accepting, " +
                $"{outcomes.Count(outcome => outcome.Kind == OutcomeKind.NotAccepted)} not accepted once the server stopped accepting (refused, or closed unread); " +
                $"{leftUnsent} outbox rows left unsent at exit, relayed after the restart.");

            var outbox = await QueryAsync(database, db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
            var inbox = await QueryAsync(database, db => db.Set<InboxMessage>().AsNoTracking().ToListAsync());
            var orders = await QueryAsync(database, db => db.Set<Order>().AsNoTracking().ToListAsync());
            var stock = await QueryAsync(database, db => db.Set<Product>().Where(product => product.Id == productId).Select(product => product.StockQuantity).SingleAsync());
            Assert.Multiple(() =>
            {
                Assert.That(failures.Select(failure => $"{failure.Operation}: {failure.Detail}"), Is.Empty, "no accepted request failed");
                Assert.That(exitCode, Is.Zero, output);
                Assert.That(requestsInFlightAtTerm, Is.GreaterThan(0), "the load was running when SIGTERM came");
                Assert.That(acceptedOrders, Is.Not.Empty);
                Assert.That(firstNotReady, Is.Not.Null, "readiness turned 503 before the server stopped accepting");
                Assert.That(firstNotReady?.Live, Is.EqualTo(HttpStatusCode.OK), "liveness stays 200 while draining");
                Assert.That(completed.Count(outcome => outcome.EndedAt > firstNotReady?.At), Is.GreaterThan(0), "requests are still served while readiness is 503");
                Assert.That(completed.Select(outcome => outcome.Status).Distinct(), Is.SubsetOf(new[] { HttpStatusCode.OK, HttpStatusCode.Accepted }));
                Assert.That(orders.Select(order => order.Id), Is.EquivalentTo(acceptedOrders), "every 202 has its order, and nothing else was written");
                Assert.That(orders.Select(order => order.Status), Has.All.EqualTo(OrderStatus.Confirmed));
                Assert.That(stock, Is.EqualTo(InitialStock - acceptedOrders.Length), "each confirmed order of one unit reserved its unit once");
                Assert.That(outbox.Where(row => row.SentAt == null || row.DeadLetteredAt != null), Is.Empty, "every event relayed after the restart, none dead-lettered");
                Assert.That(outbox, Has.Count.EqualTo(2 * acceptedOrders.Length), "each order placed and its stock reserved: two events");
                Assert.That(inbox.Select(row => row.MessageId), Is.EquivalentTo(outbox.Select(row => row.Id)), "every event handled once, by its one consumer");
            });
        }
        finally
        {
            if (broker is not null)
            {
                await using var probe = await RabbitMqProbe.ConnectAsync(broker);
                var queues = new[] { "catalog", "ordering" }.Select(module => $"{_queuePrefix}.{module}").ToArray();
                await probe.DeleteAsync([.. queues, .. queues.Select(queue => $"{queue}.dead-letter")], [$"{_queuePrefix}.events", $"{_queuePrefix}.events.dead-letter"]);
            }
        }
    }

    private static async Task<LoadRun> RunUnderLoadAndTerminateAsync(ProcessSettings settings, Uri baseAddress)
    {
        using var app = await StartReadyAsync(settings, baseAddress);
        using var admin = Client(baseAddress, TestTokens.Administrator);
        var productId = await CreateProductAsync(admin);

        var outcomes = new ConcurrentBag<RequestOutcome>();
        using var stopLoad = new CancellationTokenSource();
        var readers = Enumerable.Range(0, Readers).Select(_ => Client(baseAddress, token: null)).ToArray();
        var writers = Enumerable.Range(0, Writers).Select(i => Client(baseAddress, TestTokens.Create($"shutdown-customer-{i}", scopes: ["orders:write"]))).ToArray();
        HttpClient[] clients = [.. readers, .. writers];
        try
        {
            // The first orders compile the whole write path (seconds on a busy machine): placed first, so the load is steady.
            foreach (var warmUp in await Task.WhenAll(writers.Select(client => PlaceOrderAsync(client, productId))))
            {
                Assert.That(warmUp.Status, Is.EqualTo(HttpStatusCode.Accepted), warmUp.Detail);
                outcomes.Add(warmUp);
            }

            Task[] load =
            [
                .. readers.Select(client => Task.Run(() => LoopAsync(() => ReadProductAsync(client, productId), outcomes, stopLoad.Token))),
                .. writers.Select(client => Task.Run(() => LoopAsync(() => PlaceOrderAsync(client, productId), outcomes, stopLoad.Token))),
            ];
            await Task.Delay(LoadBeforeTerm);

            var termAt = Stopwatch.GetTimestamp();
            await app.TerminateAsync();
            var readiness = await ProbeUntilRefusedAsync(baseAddress);
            var exitCode = await app.WaitForExitAsync(ExitTimeout);
            await stopLoad.CancelAsync();
            await Task.WhenAll(load);

            var inFlightAtTerm = outcomes.Count(outcome => outcome.StartedAt < termAt && outcome.EndedAt > termAt);
            return new LoadRun([.. outcomes], readiness, inFlightAtTerm, exitCode, app.Output + app.Error, productId);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<ApplicationProcess> StartReadyAsync(ProcessSettings settings, Uri baseAddress)
    {
        var app = ApplicationProcess.Start(settings.Variables());
        using var client = Client(baseAddress, token: null);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        var output = app.Output + app.Error;
        app.Dispose();
        Assert.Fail($"/health/ready did not answer 200 within {StartTimeout}: {output}");
        return app;
    }

    private static async Task<Guid> CreateProductAsync(HttpClient admin)
    {
        using var category = await admin.PostAsJsonAsync("/api/v1/categories", new JsonObject { ["name"] = $"Shutdown {Guid.NewGuid():N}" });
        Assert.That(category.StatusCode, Is.EqualTo(HttpStatusCode.Created), await category.Content.ReadAsStringAsync());
        var categoryId = (await category.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var product = await admin.PostAsJsonAsync(ProductsPath, new JsonObject
        {
            ["sku"] = $"SHUTDOWN-{Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()}",
            ["name"] = "Drained product",
            ["description"] = "Ordered while the process shuts down",
            ["price"] = 10m,
            ["currency"] = "EUR",
            ["stockQuantity"] = InitialStock,
            ["categoryId"] = categoryId,
        });
        Assert.That(product.StatusCode, Is.EqualTo(HttpStatusCode.Created), await product.Content.ReadAsStringAsync());
        return (await product.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Sends one request after the other until the load stops; a refused connection is retried after a pause.</summary>
    private static async Task LoopAsync(Func<Task<RequestOutcome>> send, ConcurrentBag<RequestOutcome> outcomes, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var outcome = await send();
            outcomes.Add(outcome);
            if (outcome.Kind == OutcomeKind.NotAccepted)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private static Task<RequestOutcome> ReadProductAsync(HttpClient client, Guid productId) =>
        SendAsync("read", client, () => new HttpRequestMessage(HttpMethod.Get, $"{ProductsPath}/{productId}"), readOrderId: false);

    private static Task<RequestOutcome> PlaceOrderAsync(HttpClient client, Guid productId) =>
        SendAsync("order", client, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, OrdersPath)
            {
                Content = JsonContent.Create(new JsonObject
                {
                    ["lines"] = new JsonArray(new JsonObject { ["productId"] = productId, ["quantity"] = 1 }),
                }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return request;
        }, readOrderId: true);

    /// <summary>
    /// A completed request (its status below 500, its body read to the end), one the server did not accept (it had
    /// stopped accepting: see <see cref="IsNotAccepted"/>), or a failure: a 5xx, or anything cut off mid-way.
    /// </summary>
    private static async Task<RequestOutcome> SendAsync(string operation, HttpClient client, Func<HttpRequestMessage> create, bool readOrderId)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            using var request = create();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                return new(operation, startedAt, Stopwatch.GetTimestamp(), OutcomeKind.Failed, response.StatusCode, body, null);
            }

            var orderId = readOrderId && response.StatusCode == HttpStatusCode.Accepted
                ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid()
                : (Guid?)null;
            return new(operation, startedAt, Stopwatch.GetTimestamp(), OutcomeKind.Completed, response.StatusCode, null, orderId);
        }
        catch (HttpRequestException exception) when (IsNotAccepted(exception))
        {
            return new(operation, startedAt, Stopwatch.GetTimestamp(), OutcomeKind.NotAccepted, null, null, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
        {
            return new(operation, startedAt, Stopwatch.GetTimestamp(), OutcomeKind.Failed, null, exception.ToString(), null);
        }
    }

    private static bool IsRefused(HttpRequestException exception) =>
        exception.HttpRequestError == HttpRequestError.ConnectionError
        && exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    /// <summary>
    /// Refused, or sent on a keep-alive connection that the server closed as idle while it stopped, before reading the
    /// request: not a byte of response came back (a response cut off mid-way says how many bytes were still expected).
    /// The unavoidable HTTP/1.1 race that idempotency keys exist for; the final check that every order in the database
    /// had its 202 proves such a request left nothing behind.
    /// </summary>
    private static bool IsNotAccepted(HttpRequestException exception) =>
        IsRefused(exception)
        || (exception.InnerException is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } ended
            && ended.Message.StartsWith("The response ended prematurely.", StringComparison.Ordinal)
            && !ended.Message.Contains("additional bytes expected", StringComparison.Ordinal));

    /// <summary>Readiness and liveness, side by side, every 50 ms until the server refuses connections.</summary>
    private static async Task<List<ReadinessProbe>> ProbeUntilRefusedAsync(Uri baseAddress)
    {
        using var client = Client(baseAddress, token: null);
        var probes = new List<ReadinessProbe>();
        var deadline = DateTime.UtcNow + ExitTimeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
                probes.Add(new ReadinessProbe(Stopwatch.GetTimestamp(), ready.StatusCode, live.StatusCode));
            }
            catch (HttpRequestException exception) when (IsRefused(exception))
            {
                break;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                // The server closed this keep-alive connection as it stopped: the next probe opens a new one.
            }

            await Task.Delay(50);
        }

        return probes;
    }

    /// <summary>Waits until every accepted order has left pending and every outbox row is sent.</summary>
    private static async Task SettledAsync(PostgresTestDatabase database, Guid[] orderIds)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            var pending = await QueryAsync(database, db => db.Set<Order>().CountAsync(order => orderIds.Contains(order.Id) && order.Status == OrderStatus.Pending));
            var unsent = await QueryAsync(database, db => db.Set<OutboxMessage>().CountAsync(row => row.SentAt == null));
            if (pending == 0 && unsent == 0)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"{pending} orders still pending, {unsent} outbox rows unsent after the restart");
            await Task.Delay(200);
        }
    }

    private static async Task<T> QueryAsync<T>(PostgresTestDatabase database, Func<PostgreSqlEnterpriseDbContext, Task<T>> query)
    {
        await using var db = new PostgreSqlEnterpriseDbContext(
            new DbContextOptionsBuilder<PostgreSqlEnterpriseDbContext>().UseNpgsql(database.ConnectionString).Options);
        return await query(db);
    }

    private static HttpClient Client(Uri baseAddress, string? token)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private enum OutcomeKind
    {
        Completed,
        NotAccepted,
        Failed,
    }

    /// <summary>One request of the load; times are <see cref="Stopwatch"/> timestamps.</summary>
    private sealed record RequestOutcome(string Operation, long StartedAt, long EndedAt, OutcomeKind Kind, HttpStatusCode? Status, string? Detail, Guid? OrderId);

    private sealed record ReadinessProbe(long At, HttpStatusCode Ready, HttpStatusCode Live);

    private sealed record LoadRun(
        IReadOnlyList<RequestOutcome> Outcomes, IReadOnlyList<ReadinessProbe> Readiness, int RequestsInFlightAtTerm, int? ExitCode, string Output, Guid ProductId);

    /// <summary>The process's environment: Production on the test's database (and broker), generous rate limits, a short delay before draining.</summary>
    private sealed record ProcessSettings(PostgresTestDatabase Database, Uri BaseAddress, string? Broker, string QueuePrefix, TimeSpan DelayBeforeDrain)
    {
        public Dictionary<string, string> Variables()
        {
            var variables = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = BaseAddress.ToString(),
                ["Database__Provider"] = Database.Provider,
                ["ConnectionStrings__Enterprise"] = Database.ConnectionString,
                ["Database__MigrateOnStartup"] = "true",
                ["Shutdown__DrainTimeout"] = "00:00:20",
                ["Shutdown__DelayBeforeDrain"] = DelayBeforeDrain.ToString("c", CultureInfo.InvariantCulture),
                ["Messaging__PollInterval"] = "00:00:00.200",
            };
            foreach (var bucket in new[] { "Reads", "Writes" })
            {
                variables[$"RateLimiting__{bucket}__TokenLimit"] = "100000";
                variables[$"RateLimiting__{bucket}__TokensPerPeriod"] = "100000";
                variables[$"RateLimiting__{bucket}__ReplenishmentPeriod"] = "00:00:01";
            }

            if (Broker is not null)
            {
                variables["Messaging__Transport"] = MessagingTransports.RabbitMq;
                variables["Messaging__RabbitMq__ConnectionString"] = Broker;
                variables["Messaging__RabbitMq__ExchangeName"] = $"{QueuePrefix}.events";
                variables["Messaging__RabbitMq__QueuePrefix"] = QueuePrefix;
            }

            foreach (var (key, value) in TestTokens.Settings)
            {
                variables[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
            }

            return variables;
        }
    }
}
