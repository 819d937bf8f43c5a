using System.Collections.Concurrent;
using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Messaging.Outbox;
using Enterprise.Infrastructure.Persistence.Sqlite;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>
/// Stopping the outbox relay while it publishes a claimed batch: it publishes and marks the whole batch and claims no
/// other; only when the shutdown timeout runs out does it hand the rest of the batch back, unsent, for the next start.
/// </summary>
public sealed class OutboxRelayShutdownTests
{
    private const int BatchRows = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private GatedTransport _transport = null!;
    private EnterpriseApiFactory _factory = null!;

    [SetUp]
    public void StartHost()
    {
        // NUnit runs every test on one instance of the class: each gets a transport and a host of its own.
        var transport = _transport = new GatedTransport();
        _factory = new EnterpriseApiFactory(
            DatabaseUnderTest.Sqlite,
            new Dictionary<string, string?> { ["Messaging:PollInterval"] = "00:00:00.100" })
        {
            TestServices = services => services.AddSingleton<IMessageTransport>(transport),
        };
    }

    [TearDown]
    public async Task StopHostAsync()
    {
        _transport.Open();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_claimed_batch_is_published_and_marked_to_its_end_and_no_new_batch_is_claimed()
    {
        var batch = await AddDueRowsAsync(BatchRows);
        await _transport.FirstPublish.Task.WaitAsync(Timeout);

        var stopping = Relay().StopAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.That(stopping.IsCompleted, Is.False, "the stop waits for the batch in hand");
        var addedWhileStopping = await AddDueRowsAsync(1);
        _transport.Open();
        await stopping.WaitAsync(Timeout);
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        var rows = await RowsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(_transport.Published, Is.EquivalentTo(batch), "each row of the batch published once, and nothing else");
            Assert.That(rows.Where(row => batch.Contains(row.Id)), Has.All.Matches<OutboxMessage>(row => row.SentAt != null && row.LockedBy == null));
            Assert.That(rows.Single(row => row.Id == addedWhileStopping.Single()).SentAt, Is.Null, "left for the next start");
        });
    }

    [Test]
    public async Task When_the_shutdown_timeout_runs_out_the_rest_of_the_batch_is_handed_back_unsent()
    {
        var batch = await AddDueRowsAsync(BatchRows);
        await _transport.FirstPublish.Task.WaitAsync(Timeout);

        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        // From a pool thread, as the host stops it (see DrainingBackgroundServiceTests).
        await Task.Run(() => Relay().StopAsync(shutdownTimeout.Token)).WaitAsync(Timeout);

        // The stop returns when the timeout runs out; the relay hands the batch back just after.
        var rows = await RowsAsync();
        var deadline = DateTime.UtcNow + Timeout;
        while (rows.Any(row => row.LockedBy != null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            rows = await RowsAsync();
        }

        Assert.Multiple(() =>
        {
            Assert.That(_transport.Published, Is.Empty, "the publish in hand was cut off");
            Assert.That(rows.Select(row => row.Id), Is.EquivalentTo(batch));
            Assert.That(rows, Has.All.Matches<OutboxMessage>(row => row.SentAt == null && row.LockedBy == null && row.Attempts == 0),
                "unsent, free for the next relay at once, and no attempt spent");
        });
    }

    private OutboxRelay Relay() => _factory.Services.GetServices<IHostedService>().OfType<OutboxRelay>().Single();

    private async Task<Guid[]> AddDueRowsAsync(int count)
    {
        var due = DateTime.UtcNow.AddSeconds(-1);
        var rows = Enumerable.Range(0, count).Select(_ => new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            EventName = "tests.relay-shutdown",
            Payload = "{}",
            OccurredAt = due,
            NextAttemptAt = due,
        }).ToArray();
        await _factory.QueryDatabaseAsync(db =>
        {
            db.AddRange(rows);
            return db.SaveChangesAsync();
        });
        return [.. rows.Select(row => row.Id)];
    }

    /// <summary>
    /// Read from the database file itself: a relay stopped on its own (not by the host's stop) ends cancelled, which the
    /// host takes for a failed background service and stops itself, so its services may be gone.
    /// </summary>
    private async Task<List<OutboxMessage>> RowsAsync()
    {
        await using var db = new SqliteEnterpriseDbContext(
            new DbContextOptionsBuilder<SqliteEnterpriseDbContext>().UseSqlite($"Data Source={_factory.DatabasePath}").Options);
        return await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    /// <summary>A transport that holds every publish until the test opens it (or the publish is cancelled).</summary>
    private sealed class GatedTransport : IMessageTransport
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<Guid> _published = new();

        public TaskCompletionSource FirstPublish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IEnumerable<Guid> Published => _published;

        public void Open() => _gate.TrySetResult();

        public async Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(envelope);
            FirstPublish.TrySetResult();
            await _gate.Task.WaitAsync(cancellationToken);
            _published.Enqueue(envelope.MessageId);
        }
    }
}
