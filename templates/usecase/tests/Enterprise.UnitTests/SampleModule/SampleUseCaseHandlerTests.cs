#if (kind == "command")
using Enterprise.Application.Common.Concurrency;
#endif
using Enterprise.Application.SampleModule.SampleItems;
#if (kind == "command")
using Enterprise.Domain.Common;
#endif
using Enterprise.Domain.SampleModule;
#if (kind == "command")
using Microsoft.Extensions.Time.Testing;
#endif
using Moq;

namespace Enterprise.UnitTests.SampleModule;

public sealed class SampleUseCaseHandlerTests
{
#if (kind == "query")
    private readonly Mock<ISampleItemQueries> _queries = new();

    [Test]
    public async Task The_found_one_is_returned()
    {
        var found = SampleItem.Create("Unit test", TestData.Now).Value.ToDto();
        _queries.Setup(queries => queries.FindAsync(found.Id, It.IsAny<CancellationToken>())).ReturnsAsync(found);

        var result = await new SampleUseCaseHandler(_queries.Object).Handle(new SampleUseCaseQuery(found.Id), CancellationToken.None);

        Assert.That(result.Value, Is.SameAs(found));
    }

    [Test]
    public async Task A_missing_one_is_not_found()
    {
        var missing = Guid.CreateVersion7();

        var result = await new SampleUseCaseHandler(_queries.Object).Handle(new SampleUseCaseQuery(missing), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(SampleItemErrors.NotFound(missing)));
    }
#else
    private readonly Mock<ISampleItemRepository> _sampleItems = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now.AddMinutes(1));

    [Test]
    public async Task The_changed_one_is_returned_with_a_new_version()
    {
        var sampleItem = Stored();

        var result = await Handle(new SampleUseCaseCommand(sampleItem.Id) { ExpectedVersions = [1] });

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Id, Is.EqualTo(sampleItem.Id));
            Assert.That(result.Value.Version, Is.GreaterThan(1));
        });
    }

    [Test]
    public async Task A_missing_one_is_not_found()
    {
        var missing = Guid.CreateVersion7();

        var result = await Handle(new SampleUseCaseCommand(missing));

        Assert.That(result.Error, Is.EqualTo(SampleItemErrors.NotFound(missing)));
    }

    [Test]
    public async Task A_stale_version_fails_the_precondition_and_changes_nothing()
    {
        var sampleItem = Stored();

        var result = await Handle(new SampleUseCaseCommand(sampleItem.Id) { ExpectedVersions = [7] });

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(VersionPrecondition.Failed));
            Assert.That(sampleItem.Version, Is.EqualTo(1));
        });
    }

    private SampleItem Stored()
    {
        var sampleItem = SampleItem.Create("Unit test", TestData.Now).Value;
        _sampleItems.Setup(repository => repository.FindAsync(sampleItem.Id, It.IsAny<CancellationToken>())).ReturnsAsync(sampleItem);
        return sampleItem;
    }

    private async Task<Result<SampleItemDto>> Handle(SampleUseCaseCommand command) =>
        await new SampleUseCaseHandler(_sampleItems.Object, _clock).Handle(command, CancellationToken.None);
#endif
}
