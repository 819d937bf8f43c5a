using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.Infrastructure.Messaging.Inbox;
using Enterprise.Infrastructure.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>
/// The retention sweep deletes sent outbox rows and inbox rows older than <c>Messaging:RetainProcessedFor</c>, and
/// nothing else: pending and dead-lettered rows stay however old they are.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class MessageRetentionTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromSeconds(15);

    protected override EnterpriseApiFactory CreateFactory() => new(
        DatabaseUnderTest,
        new Dictionary<string, string?>
        {
            ["Messaging:RetainProcessedFor"] = "7.00:00:00",
            ["Messaging:RetentionSweepInterval"] = "00:00:00.200",
        });

    [Test]
    public async Task Processed_rows_past_the_retention_are_deleted_and_every_other_row_is_kept()
    {
        var now = DateTime.UtcNow;
        var expired = now - Retention - TimeSpan.FromHours(1);
        var recent = now - Retention + TimeSpan.FromHours(1);
        var sentLongAgo = Outbox("sent long ago", occurredAt: expired, sentAt: expired);
        var sentRecently = Outbox("sent recently", occurredAt: expired, sentAt: recent);
        var pendingLongAgo = Outbox("pending long ago", occurredAt: expired);
        var deadLetteredLongAgo = Outbox("dead-lettered long ago", occurredAt: expired, deadLetteredAt: expired);
        var processedLongAgo = Inbox(expired);
        var processedRecently = Inbox(recent);
        await Factory.QueryDatabaseAsync(async db =>
        {
            db.AddRange(sentLongAgo, sentRecently, pendingLongAgo, deadLetteredLongAgo, processedLongAgo, processedRecently);
            return await db.SaveChangesAsync();
        });
        Guid[] outboxIds = [sentLongAgo.Id, sentRecently.Id, pendingLongAgo.Id, deadLetteredLongAgo.Id];
        Guid[] inboxIds = [processedLongAgo.MessageId, processedRecently.MessageId];

        var deadline = DateTime.UtcNow + SweepTimeout;
        List<Guid> outboxLeft, inboxLeft;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            outboxLeft = await Factory.QueryDatabaseAsync(db => db.Set<OutboxMessage>().Where(row => outboxIds.Contains(row.Id)).Select(row => row.Id).ToListAsync());
            inboxLeft = await Factory.QueryDatabaseAsync(db => db.Set<InboxMessage>().Where(row => inboxIds.Contains(row.MessageId)).Select(row => row.MessageId).ToListAsync());
        }
        while ((outboxLeft.Contains(sentLongAgo.Id) || inboxLeft.Contains(processedLongAgo.MessageId)) && DateTime.UtcNow < deadline);

        Assert.Multiple(() =>
        {
            Assert.That(outboxLeft, Is.EquivalentTo(new[] { sentRecently.Id, pendingLongAgo.Id, deadLetteredLongAgo.Id }));
            Assert.That(inboxLeft, Is.EquivalentTo(new[] { processedRecently.MessageId }));
        });
    }

    private static OutboxMessage Outbox(string what, DateTime occurredAt, DateTime? sentAt = null, DateTime? deadLetteredAt = null) => new()
    {
        Id = Guid.CreateVersion7(),
        EventName = "retention-test",
        Payload = $$"""{"what":"{{what}}"}""",
        OccurredAt = occurredAt,
        NextAttemptAt = occurredAt,
        SentAt = sentAt,
        DeadLetteredAt = deadLetteredAt,
        // Held by a relay that does not exist, so that this instance's relay leaves the pending row alone.
        LockedBy = sentAt is null && deadLetteredAt is null ? Guid.NewGuid() : null,
        LockedUntil = sentAt is null && deadLetteredAt is null ? DateTime.UtcNow.AddHours(1) : null,
    };

    private static InboxMessage Inbox(DateTime processedAt) => new()
    {
        MessageId = Guid.CreateVersion7(),
        ConsumerName = "Enterprise.IntegrationTests.RetentionTestConsumer",
        ProcessedAt = processedAt,
    };
}
