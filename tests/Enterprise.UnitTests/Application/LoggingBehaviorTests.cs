using System.Globalization;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Behaviors;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Logging;

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

    private LoggingBehavior<CreateProductCommand, Result<ProductDto>> Behavior() => new(_logger);

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
}
