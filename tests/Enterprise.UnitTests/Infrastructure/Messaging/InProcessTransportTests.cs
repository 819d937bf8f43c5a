using Enterprise.Infrastructure.Messaging;
using Moq;

namespace Enterprise.UnitTests.Infrastructure.Messaging;

public sealed class InProcessTransportTests
{
    private static readonly MessageEnvelope Envelope = new(Guid.NewGuid(), "ordering.order-placed", "{}"u8.ToArray(), null, DateTimeOffset.UnixEpoch);

    private readonly Mock<IInboundMessageProcessor> _processor = new(MockBehavior.Strict);

    [SetUp]
    public void TwoConsumingModules()
    {
        _processor.Setup(processor => processor.ConsumingModules).Returns(["catalog", "billing", "reporting"]);
        _processor.Setup(processor => processor.EventNamesConsumedBy("catalog")).Returns(["ordering.order-placed"]);
        _processor.Setup(processor => processor.EventNamesConsumedBy("billing")).Returns(["ordering.order-placed", "ordering.order-cancelled"]);
        _processor.Setup(processor => processor.EventNamesConsumedBy("reporting")).Returns(["catalog.stock-reserved"]);
    }

    [Test]
    public async Task A_message_goes_to_every_module_that_consumes_its_event_and_to_no_other()
    {
        Processing("catalog", InboundOutcome.Processed);
        Processing("billing", InboundOutcome.Processed);

        await new InProcessTransport(_processor.Object).PublishAsync(Envelope, CancellationToken.None);

        _processor.Verify(processor => processor.ProcessAsync("catalog", Envelope, It.IsAny<CancellationToken>()), Times.Once);
        _processor.Verify(processor => processor.ProcessAsync("billing", Envelope, It.IsAny<CancellationToken>()), Times.Once);
        _processor.Verify(processor => processor.ProcessAsync("reporting", It.IsAny<MessageEnvelope>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void A_module_that_dead_letters_the_message_makes_the_publish_fail_after_the_others_had_it()
    {
        Processing("catalog", InboundOutcome.DeadLettered);
        Processing("billing", InboundOutcome.Processed);

        Assert.That(
            () => new InProcessTransport(_processor.Object).PublishAsync(Envelope, CancellationToken.None),
            Throws.TypeOf<MessageDeadLetteredException>().With.Message.Contain("dead-lettered by catalog"));
        _processor.Verify(processor => processor.ProcessAsync("billing", Envelope, It.IsAny<CancellationToken>()), Times.Once);
    }

    private void Processing(string module, InboundOutcome outcome) =>
        _processor.Setup(processor => processor.ProcessAsync(module, Envelope, It.IsAny<CancellationToken>())).ReturnsAsync(outcome);
}
