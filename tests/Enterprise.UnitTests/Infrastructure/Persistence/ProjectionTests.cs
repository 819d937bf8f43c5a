using Enterprise.Application.Catalog.Products;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;

namespace Enterprise.UnitTests.Infrastructure.Persistence;

public sealed class ProjectionTests
{
    [Test]
    public void The_kept_lambda_maps_as_the_mapper_does()
    {
        var product = TestData.NewProduct();

        var projected = Projection.Of<Product, ProductDto>(ProductMapper.ProjectToDto).Compile()(product);

        Assert.That(projected, Is.EqualTo(product.ToDto()));
    }

    [Test]
    public void A_projection_that_is_more_than_one_Select_is_refused_at_once() =>
        Assert.That(
            () => Projection.Of<Product, string>(products => products.Select(product => product.Sku).Distinct()),
            Throws.InvalidOperationException.With.Message.Contains("not a single Select"));
}
