using Enterprise.Application.Catalog;
using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;
using Enterprise.Application.Common.Modules;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.UnitTests.Application;

public sealed class ConventionalRegistrationTests
{
    private readonly ServiceCollection _services = new();

    [SetUp]
    public void TheCatalogValidators() => _services.AddModuleValidators(new CatalogModule());

    [TestCase(typeof(CreateProductCommand), new[] { typeof(ProductDetailsValidator) })]
    [TestCase(typeof(ReplaceProductCommand), new[] { typeof(ProductDetailsValidator) })]
    [TestCase(typeof(ListProductsQuery), new[] { typeof(PagedQueryValidator), typeof(ProductListSelectionValidator) })]
    [TestCase(typeof(ListProductsByCursorQuery), new[] { typeof(KeysetPagedQueryValidator), typeof(ProductListSelectionValidator) })]
    [TestCase(typeof(ListCategoriesQuery), new[] { typeof(PagedQueryValidator) })]
    [TestCase(typeof(ListCategoriesByCursorQuery), new[] { typeof(KeysetPagedQueryValidator) })]
    [TestCase(typeof(AdjustStockCommand), new[] { typeof(AdjustStockValidator) })]
    [TestCase(typeof(ArchiveProductCommand), new Type[0])]
    public void A_validator_of_a_shared_shape_serves_each_message_of_that_shape_and_no_other(Type message, Type[] validators)
    {
        var registered = _services.Where(service => service.ServiceType == typeof(IValidator<>).MakeGenericType(message));

        Assert.Multiple(() =>
        {
            Assert.That(registered.Select(service => service.ImplementationType), Is.EquivalentTo(validators));
            Assert.That(registered.Select(service => service.Lifetime), Is.All.EqualTo(ServiceLifetime.Singleton));
        });
    }

    [Test]
    public void No_validator_is_registered_for_the_shape_itself()
    {
        Assert.That(
            _services.Where(service => service.ServiceType.IsGenericType
                && service.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>)
                && service.ServiceType.GenericTypeArguments[0].IsInterface),
            Is.Empty);
    }
}
