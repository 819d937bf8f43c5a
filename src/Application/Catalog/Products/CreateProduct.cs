using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

[RequiresScope(CatalogPermissions.WriteScope)]
public sealed record CreateProductCommand : ICommand<Result<ProductDto>>, IProductDetailsCommand
{
    public required ProductDetails Details { get; init; }
}

internal sealed class CreateProductHandler(
    IProductRepository products,
    ICategoryRepository categories,
    TimeProvider clock) : ICommandHandler<CreateProductCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var created = Product.Create(command.Details, clock.GetUtcNow());
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        var product = created.Value;
        if (await ProductReferenceRules.CheckAsync(product, products, categories, cancellationToken) is { } broken)
        {
            return broken;
        }

        products.Add(product);
        return product.ToDto();
    }
}
