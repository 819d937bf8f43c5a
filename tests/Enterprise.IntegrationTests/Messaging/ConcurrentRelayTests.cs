using System.Collections.Concurrent;
using System.Diagnostics;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.Infrastructure.Messaging;
using Enterprise.Infrastructure.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>
/// Two application instances on one PostgreSQL database, each running its relay in small batches over the same
/// outbox: their claims (<c>FOR UPDATE SKIP LOCKED</c> and a lease) keep every row to one publish.
/// </summary>
public sealed class ConcurrentRelayTests
{
    private const int Messages = 300;

    [Test]
    public async Task Two_relays_on_one_postgres_database_publish_each_row_once()
    {
        using var database = TestDatabase.Create(DatabaseUnderTest.PostgreSql);
        var published = new ConcurrentDictionary<Guid, int>();
        var publishersSeen = new ConcurrentDictionary<int, bool>();
        using var first = StartInstance(database, instance: 1, published, publishersSeen);
        using var second = StartInstance(database, instance: 2, published, publishersSeen);
        _ = first.Services;
        _ = second.Services;

        var now = DateTime.UtcNow;
        var ids = Enumerable.Range(0, Messages).Select(index => Guid.CreateVersion7(now.AddTicks(index * 10))).ToList();
        await first.QueryDatabaseAsync(async db =>
        {
            db.Set<OutboxMessage>().AddRange(ids.Select((id, index) => new OutboxMessage
            {
                Id = id,
                EventName = "tests.unconsumed",
                Payload = "{}",
                OccurredAt = now.AddTicks(index * 10),
                NextAttemptAt = now,
            }));
            return await db.SaveChangesAsync();
        });

        var deadline = Stopwatch.StartNew();
        while (await first.QueryDatabaseAsync(db => db.Set<OutboxMessage>().CountAsync(message => message.SentAt == null)) > 0)
        {
            Assert.That(deadline.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the relays did not publish every row");
            await Task.Delay(50);
        }

        Assert.Multiple(() =>
        {
            Assert.That(published.Keys, Is.EquivalentTo(ids), "every row was published");
            Assert.That(published.Where(entry => entry.Value > 1).Select(entry => entry.Key), Is.Empty, "no row was published twice");
        });
        TestContext.Out.WriteLine($"Instances that published: {string.Join(", ", publishersSeen.Keys.Order())}");
    }

    private static EnterpriseApiFactory StartInstance(TestDatabase database, int instance, ConcurrentDictionary<Guid, int> published, ConcurrentDictionary<int, bool> publishersSeen) =>
        new(
            new SharedTestDatabase(database),
            new Dictionary<string, string?>
            {
                ["Messaging:BatchSize"] = "5",
                ["Messaging:PollInterval"] = "00:00:00.020",
            })
        {
            TestServices = services => services.AddSingleton<IMessageTransport>(new RecordingTransport(instance, published, publishersSeen)),
        };

    /// <summary>Counts each message id it is given; slow enough that the two relays' batches overlap.</summary>
    private sealed class RecordingTransport(int instance, ConcurrentDictionary<Guid, int> published, ConcurrentDictionary<int, bool> publishersSeen) : IMessageTransport
    {
        public async Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken);
            published.AddOrUpdate(envelope.MessageId, 1, (_, count) => count + 1);
            publishersSeen[instance] = true;
        }
    }

    /// <summary>One database for two hosts: each host's factory leaves it alone; the test drops it at the end.</summary>
    private sealed class SharedTestDatabase(TestDatabase database) : TestDatabase
    {
        public override DatabaseUnderTest Kind => database.Kind;

        public override string ConnectionString => database.ConnectionString;

        protected override void Dispose(bool disposing)
        {
        }
    }
}
