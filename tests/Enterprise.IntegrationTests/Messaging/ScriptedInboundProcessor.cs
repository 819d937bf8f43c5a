using System.Threading.Channels;
using Enterprise.Infrastructure.Messaging;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>
/// Stands in for the application's inbound processor behind a real transport: one module consuming one event, every
/// call recorded with its time, and each call's outcome decided by the test (<see cref="Handle"/>).
/// </summary>
internal sealed class ScriptedInboundProcessor : IInboundMessageProcessor
{
    public const string Module = "probe";
    public const string EventName = "probe.happened";

    private readonly Channel<ProcessorCall> _calls = Channel.CreateUnbounded<ProcessorCall>();

    public IReadOnlyList<string> ConsumingModules => [Module];

    /// <summary>Decides each call's outcome (or throws, as a consumer whose database is down would); processes by default.</summary>
    public Func<MessageEnvelope, Task<InboundOutcome>> Handle { get; set; } = _ => Task.FromResult(InboundOutcome.Processed);

    public IReadOnlyList<string> EventNamesConsumedBy(string module) => module == Module ? [EventName] : [];

    public async Task<InboundOutcome> ProcessAsync(string module, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        await _calls.Writer.WriteAsync(new ProcessorCall(module, envelope, DateTime.UtcNow), cancellationToken);
        return await Handle(envelope);
    }

    /// <summary>The next call the transport made; fails the test when none comes in time.</summary>
    public async Task<ProcessorCall> NextCallAsync(TimeSpan timeout)
    {
        using var timeoutSource = new CancellationTokenSource(timeout);
        try
        {
            return await _calls.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The transport delivered no message to the processor within {timeout}.");
            throw;
        }
    }

    /// <summary>Whether a call was made that no test has read yet.</summary>
    public bool HasUnreadCall => _calls.Reader.TryPeek(out _);
}

internal sealed record ProcessorCall(string Module, MessageEnvelope Envelope, DateTime At);
