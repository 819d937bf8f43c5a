using System.Text;
using System.Threading.Channels;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Formatting;

namespace Enterprise.WebApi.Logging;

/// <summary>
/// A Serilog sink that formats events on one background reader into a buffered stream: a request only queues its
/// events, and the stream is written once per batch (when the queue runs empty) rather than once per event.
/// </summary>
/// <remarks>
/// The queue is bounded and a full queue makes the logging thread wait, so no event (audit events included) is ever
/// dropped. The reader awaits new events instead of polling, so an idle or lightly loaded sink costs no CPU.
/// Disposing completes the queue, waits until every queued event is written and flushes the stream.
/// </remarks>
public sealed class BackgroundStreamSink : ILogEventSink, IDisposable
{
    private const int StreamBufferSize = 64 * 1024;

    private readonly Channel<LogEvent> _queue;
    private readonly ITextFormatter _formatter;
    private readonly StreamWriter _output;
    private readonly Task _writing;

    /// <summary>Starts the reader that writes queued events to <paramref name="stream"/>, which the sink then owns.</summary>
    /// <param name="formatter">Formats one event (the production JSON formatter, one line per event).</param>
    /// <param name="stream">Where formatted events go; disposed with the sink.</param>
    /// <param name="capacity">Events queued before a logging thread waits for the reader.</param>
    public BackgroundStreamSink(ITextFormatter formatter, Stream stream, int capacity)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _formatter = formatter;
        _output = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), StreamBufferSize);
        _queue = Channel.CreateBounded<LogEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            AllowSynchronousContinuations = false,
        });
        _writing = Task.Run(WriteQueuedEventsAsync);
    }

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        if (_queue.Writer.TryWrite(logEvent))
        {
            return;
        }

        // Full (or closed at shutdown): wait for room rather than drop the event. Serilog's Emit is synchronous.
        try
        {
            _queue.Writer.WriteAsync(logEvent).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            SelfLog.WriteLine("An event was logged after the stdout sink was disposed: {0}", logEvent.MessageTemplate.Text);
        }
    }

    /// <summary>Writes every queued event, flushes and closes the stream.</summary>
    public void Dispose()
    {
        if (_queue.Writer.TryComplete())
        {
            _writing.GetAwaiter().GetResult();
            _output.Dispose();
        }
    }

    private async Task WriteQueuedEventsAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            try
            {
                while (reader.TryRead(out var logEvent))
                {
                    _formatter.Format(logEvent, _output);
                }

                _output.Flush();
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException or FormatException)
            {
                // A failing stream or formatter must not stop logging for the rest of the process.
                SelfLog.WriteLine("The stdout sink failed to write events: {0}", exception);
            }
        }
    }
}
