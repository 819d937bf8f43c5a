using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.SampleModule.SampleItems;
using Enterprise.Domain.Common;
using Enterprise.Domain.SampleModule;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.SampleModule;

public sealed class ReplaceSampleItemHandlerTests
{
    private readonly Mock<ISampleItemRepository> _sampleItems = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now.AddMinutes(1));

    [Test]
    public async Task The_replaced_one_is_returned_with_its_new_version()
    {
        var sampleItem = Stored();

        var result = await Handle(new ReplaceSampleItemCommand(sampleItem.Id, "Second") { ExpectedVersions = [1] });

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Name, Is.EqualTo("Second"));
            Assert.That(result.Value.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_missing_one_is_not_found()
    {
        var missing = Guid.CreateVersion7();

        var result = await Handle(new ReplaceSampleItemCommand(missing, "Second"));

        Assert.That(result.Error, Is.EqualTo(SampleItemErrors.NotFound(missing)));
    }

    [Test]
    public async Task A_stale_version_fails_the_precondition_and_changes_nothing()
    {
        var sampleItem = Stored();

        var result = await Handle(new ReplaceSampleItemCommand(sampleItem.Id, "Second") { ExpectedVersions = [7] });

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(VersionPrecondition.Failed));
            Assert.That(sampleItem.Name, Is.EqualTo("First"));
            Assert.That(sampleItem.Version, Is.EqualTo(1));
        });
    }

    private SampleItem Stored()
    {
        var sampleItem = SampleItem.Create("First", TestData.Now).Value;
        _sampleItems.Setup(repository => repository.FindAsync(sampleItem.Id, It.IsAny<CancellationToken>())).ReturnsAsync(sampleItem);
        return sampleItem;
    }

    private async Task<Result<SampleItemDto>> Handle(ReplaceSampleItemCommand command) =>
        await new ReplaceSampleItemHandler(_sampleItems.Object, _clock).Handle(command, CancellationToken.None);
}
