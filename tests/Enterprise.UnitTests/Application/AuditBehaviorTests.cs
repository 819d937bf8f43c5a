using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Behaviors;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Logging;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class AuditBehaviorTests
{
    private readonly RecordingLogger<AuditBehaviorTests> _logger = new();
    private readonly Mock<ICurrentUser> _user = new();
    private readonly Mock<ILoggerFactory> _loggerFactory = new();

    [SetUp]
    public void SignIn()
    {
        _user.SetupGet(user => user.IsAuthenticated).Returns(true);
        _user.SetupGet(user => user.Subject).Returns("user-42");
        _loggerFactory.Setup(factory => factory.CreateLogger(AuditBehavior<ArchiveProductCommand, Result>.LoggerCategory)).Returns(_logger);
    }

    [Test]
    public async Task A_succeeded_command_on_a_resource_is_audited_with_subject_name_and_id()
    {
        var productId = Guid.CreateVersion7();
        var next = new NextStep<ArchiveProductCommand, Result>(Result.Success());

        await new AuditBehavior<ArchiveProductCommand, Result>(_user.Object, _loggerFactory.Object)
            .Handle(new ArchiveProductCommand(productId), next.Delegate, CancellationToken.None);

        AssertAudit("user-42", nameof(ArchiveProductCommand), productId, "succeeded", errorCode: null);
    }

    [Test]
    public async Task A_create_command_is_audited_with_the_id_of_what_it_created()
    {
        var product = TestData.NewProduct().ToDto();
        var next = new NextStep<CreateProductCommand, Result<ProductDto>>(product);
        var command = new CreateProductCommand { Details = null! };

        await new AuditBehavior<CreateProductCommand, Result<ProductDto>>(_user.Object, _loggerFactory.Object)
            .Handle(command, next.Delegate, CancellationToken.None);

        AssertAudit("user-42", nameof(CreateProductCommand), product.Id, "succeeded", errorCode: null);
    }

    [Test]
    public async Task A_rejected_command_is_audited_with_its_error_code()
    {
        var productId = Guid.CreateVersion7();
        var next = new NextStep<ArchiveProductCommand, Result>(ProductErrors.NotFound(productId));

        await new AuditBehavior<ArchiveProductCommand, Result>(_user.Object, _loggerFactory.Object)
            .Handle(new ArchiveProductCommand(productId), next.Delegate, CancellationToken.None);

        AssertAudit("user-42", nameof(ArchiveProductCommand), productId, "rejected", ProductErrors.NotFound(productId).Code);
    }

    [Test]
    public void A_command_whose_handler_throws_is_audited_as_failed_and_the_exception_propagates()
    {
        var productId = Guid.CreateVersion7();
        var next = new NextStep<ArchiveProductCommand, Result>(() => throw new InvalidOperationException("Database gone."));

        Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await new AuditBehavior<ArchiveProductCommand, Result>(_user.Object, _loggerFactory.Object)
                .Handle(new ArchiveProductCommand(productId), next.Delegate, CancellationToken.None));

        AssertAudit("user-42", nameof(ArchiveProductCommand), productId, "failed", errorCode: null);
    }

    private void AssertAudit(string subject, string commandName, Guid resourceId, string outcome, string? errorCode)
    {
        var record = _logger.Records.Single();
        var properties = record.Properties.ToDictionary(property => property.Key, property => property.Value);
        Assert.Multiple(() =>
        {
            Assert.That(record.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(properties["Subject"], Is.EqualTo(subject));
            Assert.That(properties["CommandName"], Is.EqualTo(commandName));
            Assert.That(properties["ResourceId"], Is.EqualTo(resourceId));
            Assert.That(properties["Outcome"], Is.EqualTo(outcome));
            Assert.That(properties.GetValueOrDefault("ErrorCode"), Is.EqualTo(errorCode));
        });
    }
}
