using Enterprise.Application.Catalog.Categories;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class CreateCategoryHandlerTests
{
    private readonly Mock<ICategoryRepository> _categories = new();
    private readonly FakeTimeProvider _clock = new(TestData.Now);

    [Test]
    public async Task A_new_category_is_added_and_returned_with_its_slug()
    {
        _categories.Setup(repository => repository.SlugExistsAsync("books-media", It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var result = await Handle("  Books & Media ");

        var dto = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(dto.Id.Version, Is.EqualTo(7));
            Assert.That(dto.Name, Is.EqualTo("Books & Media"));
            Assert.That(dto.Slug, Is.EqualTo("books-media"));
            Assert.That(dto.Version, Is.EqualTo(1));
        });
        _categories.Verify(repository => repository.Add(It.Is<Category>(category => category.Id == dto.Id && category.Slug == "books-media")), Times.Once);
    }

    [Test]
    public async Task A_name_whose_slug_is_taken_is_a_conflict_and_nothing_is_added()
    {
        _categories.Setup(repository => repository.SlugExistsAsync("cafe-bar", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Handle("CAFÉ  bar");

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(CategoryErrors.DuplicateName("CAFÉ  bar")));
            Assert.That(result.Error!.Kind, Is.EqualTo(ErrorKind.Conflict));
        });
        _categories.Verify(repository => repository.Add(It.IsAny<Category>()), Times.Never);
    }

    [Test]
    public async Task An_invalid_name_is_rejected_before_any_lookup()
    {
        var result = await Handle("***");

        Assert.That(result.Error, Is.EqualTo(CategoryErrors.NameWithoutLettersOrDigits));
        _categories.Verify(repository => repository.SlugExistsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _categories.Verify(repository => repository.Add(It.IsAny<Category>()), Times.Never);
    }

    private ValueTask<Result<CategoryDto>> Handle(string name) =>
        new CreateCategoryHandler(_categories.Object, _clock).Handle(new CreateCategoryCommand(name), CancellationToken.None);
}
