using System.Text;
using System.Text.Json;
using Enterprise.WebApi.Logging;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace Enterprise.UnitTests.WebApi;

public sealed class BackgroundStreamSinkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public void Every_event_is_written_once_as_a_json_line_in_the_order_it_was_logged()
    {
        var stream = new MemoryStream();
        using (var sink = new BackgroundStreamSink(new RenderedCompactJsonFormatter(), stream, capacity: 16))
        {
            for (var number = 0; number < 1_000; number++)
            {
                sink.Emit(Event(number));
            }
        }

        Assert.That(WrittenNumbers(stream), Is.EqualTo(Enumerable.Range(0, 1_000)));
    }

    [Test]
    public void Disposing_writes_the_events_still_queued()
    {
        var stream = new MemoryStream();
        using var formatter = new GatedFormatter();
        var sink = new BackgroundStreamSink(formatter, stream, capacity: 100);
        for (var number = 0; number < 50; number++)
        {
            sink.Emit(Event(number));
        }

        Assert.That(formatter.Started.Wait(Patience), Is.True);
        formatter.Open();
        sink.Dispose();

        Assert.That(WrittenNumbers(stream), Is.EqualTo(Enumerable.Range(0, 50)));
    }

    [Test]
    public async Task The_stream_is_flushed_as_soon_as_the_queue_is_empty()
    {
        var stream = new FlushSignallingStream();
        using var sink = new BackgroundStreamSink(new RenderedCompactJsonFormatter(), stream, capacity: 16);

        sink.Emit(Event(7));

        Assert.That(await stream.Flushed.Task.WaitAsync(Patience), Is.EqualTo(Encoding.UTF8.GetByteCount(Line(7))));
    }

    [Test]
    public async Task A_full_queue_makes_the_logging_thread_wait_instead_of_dropping_the_event()
    {
        var stream = new MemoryStream();
        using var formatter = new GatedFormatter();
        using (var sink = new BackgroundStreamSink(formatter, stream, capacity: 1))
        {
            sink.Emit(Event(0));
            Assert.That(formatter.Started.Wait(Patience), Is.True, "the reader took the first event");
            sink.Emit(Event(1));

            var third = Task.Run(() => sink.Emit(Event(2)));
            Assert.That(third.Wait(TimeSpan.FromMilliseconds(200)), Is.False, "the third event waits while the queue is full");

            formatter.Open();
            await third.WaitAsync(Patience);
        }

        Assert.That(WrittenNumbers(stream), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    private static LogEvent Event(int number) => new(
        DateTimeOffset.UnixEpoch,
        LogEventLevel.Information,
        exception: null,
        new MessageTemplateParser().Parse("Event {Number}"),
        [new LogEventProperty("Number", new ScalarValue(number))]);

    private static string Line(int number)
    {
        using var writer = new StringWriter();
        new RenderedCompactJsonFormatter().Format(Event(number), writer);
        return writer.ToString();
    }

    private static IEnumerable<int> WrittenNumbers(MemoryStream stream) =>
        Encoding.UTF8.GetString(stream.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Number").GetInt32());

    /// <summary>Formats as in production, but holds the reader at its first event until the test opens the gate.</summary>
    private sealed class GatedFormatter : ITextFormatter, IDisposable
    {
        private readonly RenderedCompactJsonFormatter _inner = new();
        private readonly ManualResetEventSlim _gate = new();

        public ManualResetEventSlim Started { get; } = new();

        public void Open() => _gate.Set();

        public void Dispose()
        {
            _gate.Dispose();
            Started.Dispose();
        }

        public void Format(LogEvent logEvent, TextWriter output)
        {
            Started.Set();
            _gate.Wait();
            _inner.Format(logEvent, output);
        }
    }

    /// <summary>Reports the number of bytes written by the time the sink first flushes.</summary>
    private sealed class FlushSignallingStream : MemoryStream
    {
        public TaskCompletionSource<long> Flushed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Flush()
        {
            base.Flush();
            Flushed.TrySetResult(Length);
        }
    }
}
