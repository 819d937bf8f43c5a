using System.Net;
using Enterprise.Infrastructure.Messaging;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>The broker goes away under a running instance and comes back: the instance stays ready (degraded), and the transport resumes by itself.</summary>
[NonParallelizable]
public sealed class RabbitMqOutageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task While_the_broker_is_down_readiness_is_degraded_and_publishing_fails_then_both_recover_when_it_is_back()
    {
        using var broker = await ThrowawayRabbitMq.StartAsync();
        await using var host = new RabbitMqTestHost(broker.ConnectionString);
        using var client = host.Factory.CreateClient();
        Assert.That((await ReadinessReport.WaitForAsync(client, "Healthy", Timeout, "broker")).StatusOf("broker"), Is.EqualTo("Healthy"));

        await broker.StopServerAsync();
        var duringOutage = await ReadinessReport.WaitForAsync(client, "Degraded", Timeout, "broker");
        var publishDuringOutage = host.Transport.PublishAsync(RabbitMqTestHost.Envelope(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(duringOutage.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the outbox holds the events: the instance stays ready");
            Assert.That(duringOutage.Status, Is.EqualTo("Degraded"));
            Assert.That(duringOutage.StatusOf("broker"), Is.EqualTo("Degraded"));
            Assert.That(duringOutage.StatusOf("database"), Is.EqualTo("Healthy"));
            Assert.That(() => publishDuringOutage, Throws.Exception, "nothing is confirmed, so the relay keeps the row");
        });

        await broker.StartServerAsync();
        var recovered = await ReadinessReport.WaitForAsync(client, "Healthy", Timeout, "broker");
        var afterOutage = RabbitMqTestHost.Envelope();
        await PublishOnceReconnectedAsync(host.Transport, afterOutage);

        Assert.Multiple(async () =>
        {
            Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(recovered.StatusOf("broker"), Is.EqualTo("Healthy"));
            Assert.That((await host.Processor.NextCallAsync(Timeout)).Envelope.MessageId, Is.EqualTo(afterOutage.MessageId), "the consumer came back with the connection");
        });
    }

    /// <summary>The publisher channel may still be coming back right after the connection is: the relay would retry too.</summary>
    private static async Task PublishOnceReconnectedAsync(IMessageTransport transport, MessageEnvelope envelope)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                await transport.PublishAsync(envelope, CancellationToken.None);
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
