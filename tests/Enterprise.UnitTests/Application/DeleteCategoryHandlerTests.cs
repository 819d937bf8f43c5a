using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class DeleteCategoryHandlerTests
{
    private readonly Mock<ICategoryRepository> _categories = new();
    private readonly Mock<IProductRepository> _products = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now);
    private Category _category = null!;

    [SetUp]
    public void AStoredCategory()
    {
        _category = Category.Create("Books", TestData.Now).Value;
        _categories.Setup(repository => repository.FindAsync(_category.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_category);
    }

    [Test]
    public async Task A_category_without_active_products_is_deleted()
    {
        _products.Setup(repository => repository.CountActiveInCategoryAsync(_category.Id, It.IsAny<CancellationToken>())).ReturnsAsync(0);
        _clock.Advance(TimeSpan.FromHours(2));

        var result = await Handle(_category.Id);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(_category.DeletedAt, Is.EqualTo(TestData.NowUtc.AddHours(2)));
            Assert.That(_category.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_category_with_active_products_is_in_use_and_stays()
    {
        _products.Setup(repository => repository.CountActiveInCategoryAsync(_category.Id, It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var result = await Handle(_category.Id);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(CategoryErrors.InUse(_category.Id, 3)));
            Assert.That(result.Error!.Kind, Is.EqualTo(ErrorKind.Conflict));
            Assert.That(_category.DeletedAt, Is.Null);
            Assert.That(_category.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_missing_category_is_not_found()
    {
        var missing = Guid.CreateVersion7();

        var result = await Handle(missing);

        Assert.That(result.Error, Is.EqualTo(CategoryErrors.NotFound(missing)));
        _products.Verify(repository => repository.CountActiveInCategoryAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private ValueTask<Result> Handle(Guid categoryId) =>
        new DeleteCategoryHandler(_categories.Object, _products.Object, _clock)
            .Handle(new DeleteCategoryCommand(categoryId), CancellationToken.None);
}
