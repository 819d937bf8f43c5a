using System.Diagnostics.Metrics;
using System.Globalization;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Behaviors;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enterprise.UnitTests.Application;

public sealed class LoggingBehaviorTests
{
    private static readonly CreateProductCommand Command = new()
    {
        Details = TestData.Details() with
        {
            Sku = "PRIVATE-7781",
            Name = "Jane Roe's Diary",
            Description = "Confidential notes",
            Price = 31337.77m,
        },
    };

    private static readonly string[] PayloadValues = ["PRIVATE-7781", "Jane Roe", "Confidential", "31337"];

    private readonly RecordingLogger<LoggingBehavior<CreateProductCommand, Result<ProductDto>>> _logger = new();

    [Test]
    public async Task A_handled_message_is_logged_once_by_name_without_its_payload()
    {
        Result<ProductDto> response = TestData.NewProduct(Command.Details).ToDto();
        var next = new NextStep<CreateProductCommand, Result<ProductDto>>(response);

        var result = await Behavior().Handle(Command, next.Delegate, CancellationToken.None);

        Assert.That(_logger.Records, Has.Count.EqualTo(1));
        var record = _logger.Records[0];
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(response));
            Assert.That(record.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(record.Message, Does.StartWith("Handled CreateProductCommand in "));
            Assert.That(Property(record, "MessageName"), Is.EqualTo("CreateProductCommand"));
            Assert.That(record.Properties.Select(property => property.Key), Has.No.Member("ErrorCode"));
            AssertNoPayload(record);
        });
    }

    [Test]
    public async Task A_rejected_message_is_logged_once_with_the_error_code_but_not_its_description()
    {
        var next = new NextStep<CreateProductCommand, Result<ProductDto>>(ProductErrors.DuplicateSku("PRIVATE-7781"));

        var result = await Behavior().Handle(Command, next.Delegate, CancellationToken.None);

        Assert.That(_logger.Records, Has.Count.EqualTo(1));
        var record = _logger.Records[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("Product.Sku.Duplicate"));
            Assert.That(record.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(record.Message, Does.StartWith("Rejected CreateProductCommand in "));
            Assert.That(record.Message, Does.EndWith(" with Product.Sku.Duplicate"));
            Assert.That(Property(record, "MessageName"), Is.EqualTo("CreateProductCommand"));
            Assert.That(Property(record, "ErrorCode"), Is.EqualTo("Product.Sku.Duplicate"));
            AssertNoPayload(record);
        });
    }

    [Test]
    public void An_exception_is_logged_once_at_error_and_rethrown_unchanged()
    {
        var failure = new InvalidOperationException("Database unavailable.");
        var next = new NextStep<CreateProductCommand, Result<ProductDto>>(() => throw failure);

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Behavior().Handle(Command, next.Delegate, CancellationToken.None));

        Assert.That(_logger.Records, Has.Count.EqualTo(1));
        var record = _logger.Records[0];
        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.SameAs(failure));
            Assert.That(record.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(record.Exception, Is.SameAs(failure));
            Assert.That(record.Message, Does.StartWith("Failed CreateProductCommand after "));
            AssertNoPayload(record);
        });
    }

    [Test]
    public void A_request_cancelled_by_its_caller_is_logged_as_information_not_as_an_error()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var next = new NextStep<CreateProductCommand, Result<ProductDto>>(() => throw new OperationCanceledException(cancellation.Token));

        Assert.ThrowsAsync<OperationCanceledException>(async () =>
            await Behavior().Handle(Command, next.Delegate, cancellation.Token));

        Assert.That(_logger.Records, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(_logger.Records[0].Level, Is.EqualTo(LogLevel.Information));
            Assert.That(_logger.Records[0].Message, Does.StartWith("Cancelled CreateProductCommand after "));
        });
    }

    [Test]
    public async Task Each_outcome_records_the_duration_once_with_the_message_type_and_the_outcome()
    {
        using var meters = TestMeters.Factory();
        using var durations = new DurationRecorder(meters);
        var behavior = Behavior(meters);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await behavior.Handle(Command, new NextStep<CreateProductCommand, Result<ProductDto>>(TestData.NewProduct(Command.Details).ToDto()).Delegate, CancellationToken.None);
        await behavior.Handle(Command, new NextStep<CreateProductCommand, Result<ProductDto>>(ProductErrors.DuplicateSku("X")).Delegate, CancellationToken.None);
        Assert.ThrowsAsync<InvalidOperationException>(async () => await behavior.Handle(
            Command, new NextStep<CreateProductCommand, Result<ProductDto>>(() => throw new InvalidOperationException()).Delegate, CancellationToken.None));
        Assert.ThrowsAsync<OperationCanceledException>(async () => await behavior.Handle(
            Command, new NextStep<CreateProductCommand, Result<ProductDto>>(() => throw new OperationCanceledException(cancellation.Token)).Delegate, cancellation.Token));

        Assert.Multiple(() =>
        {
            Assert.That(durations.Outcomes, Is.EqualTo(new[] { MediatorMetrics.Handled, MediatorMetrics.Rejected, MediatorMetrics.Failed, MediatorMetrics.Cancelled }));
            Assert.That(durations.Messages, Has.All.EqualTo(nameof(CreateProductCommand)));
            Assert.That(durations.Seconds.Min(), Is.GreaterThanOrEqualTo(0d));
            Assert.That(durations.Seconds.Max(), Is.LessThan(10d));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Timing_a_message_allocates_nothing_whether_or_not_the_histogram_is_collected(bool collected)
    {
        using var meters = TestMeters.Factory();
        using var durations = collected ? new DurationRecorder(meters, keep: false) : null;
        var behavior = new LoggingBehavior<CreateProductCommand, Result<ProductDto>>(
            NullLogger<LoggingBehavior<CreateProductCommand, Result<ProductDto>>>.Instance, new MediatorMetrics(meters));
        Result<ProductDto> response = TestData.NewProduct(Command.Details).ToDto();
        MessageHandlerDelegate<CreateProductCommand, Result<ProductDto>> next = (_, _) => new ValueTask<Result<ProductDto>>(response);
        const int Messages = 10_000;
        // Warm up: the first calls fill static caches and compile the code.
        await behavior.Handle(Command, next, CancellationToken.None);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Messages; i++)
        {
            await behavior.Handle(Command, next, CancellationToken.None);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        await TestContext.Out.WriteLineAsync($"{allocated} bytes allocated by {Messages} messages through the logging behavior (histogram collected: {collected})");
        Assert.That(allocated, Is.Zero);
        if (durations is not null)
        {
            Assert.That(durations.Count, Is.EqualTo(Messages + 1), "every message was measured, the warm-up's too");
        }
    }

    private LoggingBehavior<CreateProductCommand, Result<ProductDto>> Behavior(IMeterFactory? meters = null) =>
        new(_logger, new MediatorMetrics(meters ?? TestMeters.Factory()));

    private static object? Property(LogRecord record, string name) =>
        record.Properties.Single(property => property.Key == name).Value;

    private static void AssertNoPayload(LogRecord record)
    {
        var logged = record.Properties
            .Select(property => Convert.ToString(property.Value, CultureInfo.InvariantCulture))
            .Append(record.Message)
            .ToList();
        foreach (var value in PayloadValues)
        {
            Assert.That(logged, Has.None.Contains(value), $"The log event contains the payload value '{value}'.");
        }
    }

    /// <summary>The mediator durations recorded on one meter factory's meters (other tests create their own).</summary>
    private sealed class DurationRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly bool _keep;
        private readonly List<(string? Message, string? Outcome, double Seconds)> _recorded = [];

        public DurationRecorder(IMeterFactory meters, bool keep = true)
        {
            _keep = keep;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == MediatorMetrics.DurationName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>(Record);
            _listener.Start();
        }

        public int Count { get; private set; }

        public IEnumerable<string?> Messages => _recorded.Select(measurement => measurement.Message);

        public IEnumerable<string?> Outcomes => _recorded.Select(measurement => measurement.Outcome);

        public IEnumerable<double> Seconds => _recorded.Select(measurement => measurement.Seconds);

        public void Dispose() => _listener.Dispose();

        private void Record(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            Count++;
            if (!_keep)
            {
                return;
            }

            string? message = null, outcome = null;
            foreach (var tag in tags)
            {
                message = tag.Key == MediatorMetrics.MessageTag ? tag.Value as string : message;
                outcome = tag.Key == MediatorMetrics.OutcomeTag ? tag.Value as string : outcome;
            }

            _recorded.Add((message, outcome, seconds));
        }
    }
}
