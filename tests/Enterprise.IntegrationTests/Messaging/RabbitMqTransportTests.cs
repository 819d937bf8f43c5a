using System.Net;
using System.Text;
using Enterprise.Infrastructure.Messaging;
using Enterprise.IntegrationTests.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>
/// The RabbitMQ transport on the run's broker: the topology it declares, confirmed publishing, and how its consumer
/// settles each message. Prefetch is 1, so a message that was not acknowledged would hold back every one behind it.
/// </summary>
public sealed class RabbitMqTransportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private RabbitMqTestHost _host = null!;
    private RabbitMqProbe _probe = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = new RabbitMqTestHost(TestServers.RequireRabbitMq());
        using var client = _host.Factory.CreateClient();
        var readiness = await ReadinessReport.WaitForAsync(client, "Healthy", Timeout, "broker");
        Assert.That(readiness.StatusOf("broker"), Is.EqualTo("Healthy"), "the application connected to the broker");
        _probe = await RabbitMqProbe.ConnectAsync(_host.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_probe is not null)
        {
            await _probe.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [SetUp]
    public void ProcessEverything() => _host.Processor.Handle = _ => Task.FromResult(InboundOutcome.Processed);

    [Test]
    public async Task The_events_exchange_and_each_consuming_modules_queue_and_dead_letter_queue_exist_and_readiness_reports_the_broker()
    {
        using var client = _host.Factory.CreateClient();
        var readiness = await ReadinessReport.ReadAsync(client);

        Assert.Multiple(() =>
        {
            Assert.That(readiness.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(readiness.StatusOf("broker"), Is.EqualTo("Healthy"));
            Assert.That(() => _probe.ExchangeExistsAsync(_host.ExchangeName), Throws.Nothing);
            Assert.That(() => _probe.ExchangeExistsAsync(_host.DeadLetterExchangeName), Throws.Nothing);
            Assert.That(() => _probe.ReadyMessageCountAsync(_host.Queue), Throws.Nothing);
            Assert.That(() => _probe.ReadyMessageCountAsync(_host.DeadLetterQueue), Throws.Nothing);
        });
    }

    [Test]
    public async Task A_published_message_is_confirmed_then_delivered_to_the_processor_as_it_was_sent_and_acknowledged()
    {
        var first = RabbitMqTestHost.Envelope(traceParent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var second = RabbitMqTestHost.Envelope();

        await _host.Transport.PublishAsync(first, CancellationToken.None);
        await _host.Transport.PublishAsync(second, CancellationToken.None);
        var firstCall = await _host.Processor.NextCallAsync(Timeout);
        var secondCall = await _host.Processor.NextCallAsync(Timeout);

        Assert.Multiple(async () =>
        {
            Assert.That(firstCall.Module, Is.EqualTo(ScriptedInboundProcessor.Module));
            AssertSameEnvelope(firstCall.Envelope, first);
            Assert.That(secondCall.Envelope.MessageId, Is.EqualTo(second.MessageId), "the first message was acknowledged, so the second (prefetch 1) followed");
            Assert.That(secondCall.Envelope.TraceParent, Is.Null);
            Assert.That(await _probe.ReadyMessageCountOnceSettledAsync(_host.Queue, 0, Timeout), Is.Zero);
            Assert.That(await _probe.ReadyMessageCountAsync(_host.DeadLetterQueue), Is.Zero);
        });
    }

    [Test]
    public async Task A_message_the_processor_dead_letters_lands_in_the_dead_letter_queue_and_the_next_message_is_still_consumed()
    {
        var poison = RabbitMqTestHost.Envelope();
        var next = RabbitMqTestHost.Envelope();
        _host.Processor.Handle = envelope => Task.FromResult(envelope.MessageId == poison.MessageId ? InboundOutcome.DeadLettered : InboundOutcome.Processed);

        await _host.Transport.PublishAsync(poison, CancellationToken.None);
        await _host.Transport.PublishAsync(next, CancellationToken.None);
        var poisonCall = await _host.Processor.NextCallAsync(Timeout);
        var nextCall = await _host.Processor.NextCallAsync(Timeout);
        Assert.That(await _probe.ReadyMessageCountOnceSettledAsync(_host.DeadLetterQueue, 1, Timeout), Is.EqualTo(1));
        var deadLetter = await _probe.TakeAsync(_host.DeadLetterQueue);

        Assert.Multiple(async () =>
        {
            Assert.That(poisonCall.Envelope.MessageId, Is.EqualTo(poison.MessageId));
            Assert.That(nextCall.Envelope.MessageId, Is.EqualTo(next.MessageId));
            Assert.That(deadLetter, Is.Not.Null);
            Assert.That(deadLetter!.BasicProperties.MessageId, Is.EqualTo(poison.MessageId.ToString()));
            Assert.That(deadLetter.BasicProperties.Type, Is.EqualTo(poison.EventName), "the event name survives dead-lettering, for a replay");
            Assert.That(deadLetter.BasicProperties.Persistent, Is.True);
            Assert.That(deadLetter.Body.ToArray(), Is.EqualTo(poison.Payload.ToArray()));
            Assert.That(deadLetter.BasicProperties.Headers, Does.ContainKey("x-death"), "the broker records where and why it was dead-lettered");
            Assert.That(await _probe.ReadyMessageCountAsync(_host.Queue), Is.Zero);
            Assert.That(_host.Processor.HasUnreadCall, Is.False, "a dead-lettered message is not delivered again");
        });
    }

    [Test]
    public async Task A_message_whose_processing_throws_goes_back_to_the_queue_after_the_redelivery_delay_and_is_processed_again()
    {
        var message = RabbitMqTestHost.Envelope();
        var attempts = 0;
        _host.Processor.Handle = _ => Interlocked.Increment(ref attempts) == 1
            ? throw new InvalidOperationException("The database is down")
            : Task.FromResult(InboundOutcome.Processed);

        await _host.Transport.PublishAsync(message, CancellationToken.None);
        var failed = await _host.Processor.NextCallAsync(Timeout);
        var retried = await _host.Processor.NextCallAsync(Timeout);

        Assert.Multiple(async () =>
        {
            Assert.That(retried.Envelope.MessageId, Is.EqualTo(message.MessageId));
            Assert.That(retried.At - failed.At, Is.GreaterThanOrEqualTo(RabbitMqTestHost.RedeliveryDelay - TimeSpan.FromMilliseconds(50)), "no hot loop: it waits before going back");
            Assert.That(await _probe.ReadyMessageCountOnceSettledAsync(_host.Queue, 0, Timeout), Is.Zero);
            Assert.That(await _probe.ReadyMessageCountAsync(_host.DeadLetterQueue), Is.Zero, "a failure is not a poison message");
            Assert.That(_host.Factory.Logs.Events.Select(logEvent => logEvent.RenderMessage(null)), Has.Some.Contains("goes back to the queue"));
        });
    }

    [Test]
    public async Task A_message_without_a_message_id_goes_to_the_dead_letter_queue_without_reaching_the_processor()
    {
        var unreadable = new BasicProperties { Type = ScriptedInboundProcessor.EventName, Persistent = true };
        var next = RabbitMqTestHost.Envelope();

        await _probe.PublishAsync(_host.ExchangeName, ScriptedInboundProcessor.EventName, unreadable, Encoding.UTF8.GetBytes("{}"));
        await _host.Transport.PublishAsync(next, CancellationToken.None);
        var call = await _host.Processor.NextCallAsync(Timeout);
        Assert.That(await _probe.ReadyMessageCountOnceSettledAsync(_host.DeadLetterQueue, 1, Timeout), Is.EqualTo(1));
        var deadLetter = await _probe.TakeAsync(_host.DeadLetterQueue);

        Assert.Multiple(() =>
        {
            Assert.That(call.Envelope.MessageId, Is.EqualTo(next.MessageId), "the processor only saw the readable message");
            Assert.That(deadLetter?.BasicProperties.MessageId, Is.Null);
            Assert.That(_host.Processor.HasUnreadCall, Is.False);
        });
    }

    [Test]
    public void Publishing_an_event_no_queue_is_bound_to_throws_because_the_broker_returned_it()
    {
        var unroutable = RabbitMqTestHost.Envelope(eventName: "probe.nobody-listens");

        var exception = Assert.CatchAsync<PublishException>(() => _host.Transport.PublishAsync(unroutable, CancellationToken.None));

        Assert.That(exception!.IsReturn, Is.True);
    }

    [Test]
    public async Task Publishing_a_message_the_broker_refuses_throws_because_the_broker_nacked_it()
    {
        const string refusedEvent = "probe.refused";
        await _probe.DeclareRefusingQueueAsync(_host.RefusingQueue, _host.ExchangeName, refusedEvent);

        var exception = Assert.CatchAsync<PublishException>(() => _host.Transport.PublishAsync(RabbitMqTestHost.Envelope(refusedEvent), CancellationToken.None));

        Assert.That(exception!.IsReturn, Is.False);
        // The channel stays usable after a refusal.
        var next = RabbitMqTestHost.Envelope();
        await _host.Transport.PublishAsync(next, CancellationToken.None);
        Assert.That((await _host.Processor.NextCallAsync(Timeout)).Envelope.MessageId, Is.EqualTo(next.MessageId));
    }

    private static void AssertSameEnvelope(MessageEnvelope received, MessageEnvelope sent)
    {
        Assert.That(received.MessageId, Is.EqualTo(sent.MessageId));
        Assert.That(received.EventName, Is.EqualTo(sent.EventName));
        Assert.That(received.Payload.ToArray(), Is.EqualTo(sent.Payload.ToArray()));
        Assert.That(received.TraceParent, Is.EqualTo(sent.TraceParent));
        Assert.That(received.OccurredAt, Is.EqualTo(sent.OccurredAt));
    }
}
