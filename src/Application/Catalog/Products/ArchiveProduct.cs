using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>The catalog's delete: the product is archived and disappears from lists and lookups.</summary>
[RequiresScope(CatalogPermissions.WriteScope)]
public sealed record ArchiveProductCommand(Guid ProductId) : ICommand<Result>, IHasResourceId
{
    Guid IHasResourceId.ResourceId => ProductId;
}

internal sealed class ArchiveProductHandler(IProductRepository products, TimeProvider clock)
    : ICommandHandler<ArchiveProductCommand, Result>
{
    public async ValueTask<Result> Handle(ArchiveProductCommand command, CancellationToken cancellationToken)
    {
        var product = await products.FindActiveAsync(command.ProductId, cancellationToken);
        if (product is null)
        {
            return ProductErrors.NotFound(command.ProductId);
        }

        product.Archive(clock.GetUtcNow());
        return Result.Success();
    }
}
