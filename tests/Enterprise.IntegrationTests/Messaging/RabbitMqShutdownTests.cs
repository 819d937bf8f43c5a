using Enterprise.Infrastructure.Messaging;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>Stopping the application finishes the message in hand and hands every other delivered message back to the broker.</summary>
public sealed class RabbitMqShutdownTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task On_shutdown_the_message_being_processed_is_finished_and_acknowledged_and_the_prefetched_ones_go_back_to_the_queue()
    {
        var connectionString = TestServers.RequireRabbitMq();
        var host = new RabbitMqTestHost(connectionString, prefetch: 10);
        await using var probe = await RabbitMqProbe.ConnectAsync(connectionString);
        try
        {
            var release = new TaskCompletionSource();
            host.Processor.Handle = async _ =>
            {
                await release.Task;
                return InboundOutcome.Processed;
            };
            using (var client = host.Factory.CreateClient())
            {
                await ReadinessReport.WaitForAsync(client, "Healthy", Timeout, "broker");
            }

            var messages = Enumerable.Range(0, 3).Select(_ => RabbitMqTestHost.Envelope()).ToArray();
            foreach (var message in messages)
            {
                await host.Transport.PublishAsync(message, CancellationToken.None);
            }

            var inHand = await host.Processor.NextCallAsync(Timeout);
            Assert.That(await probe.ReadyMessageCountOnceSettledAsync(host.Queue, 0, Timeout), Is.Zero, "all three were delivered (prefetch 10)");
            var stopping = host.Factory.DisposeAsync().AsTask();
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.That(stopping.IsCompleted, Is.False, "the application waits for the message in hand");
            release.SetResult();
            await stopping;

            Assert.Multiple(async () =>
            {
                Assert.That(inHand.Envelope.MessageId, Is.EqualTo(messages[0].MessageId));
                Assert.That(host.Processor.HasUnreadCall, Is.False, "no new message is taken once stopping");
                Assert.That(await probe.ReadyMessageCountAsync(host.Queue), Is.EqualTo(2), "the finished message was acknowledged; the other two are back");
                Assert.That(await probe.ReadyMessageCountAsync(host.DeadLetterQueue), Is.Zero);
            });
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
