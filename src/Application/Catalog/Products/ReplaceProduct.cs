using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Caching;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Replaces everything a caller controls on an active product (PUT).</summary>
[RequiresScope(CatalogPermissions.WriteScope)]
public sealed record ReplaceProductCommand : ICommand<Result<ProductDto>>, IProductDetailsCommand, IHasResourceId, IConditionalWrite, IInvalidatesCache
{
    public required Guid ProductId { get; init; }

    public required ProductDetails Details { get; init; }

    /// <summary>The versions this write is conditional on (HTTP <c>If-Match</c>); <see langword="null"/>: unconditional.</summary>
    public IReadOnlyCollection<long>? ExpectedVersions { get; init; }

    Guid IHasResourceId.ResourceId => ProductId;

    IReadOnlyList<string> IInvalidatesCache.StaleCacheKeys => [ProductCacheKeys.ById(ProductId)];
}

internal sealed class ReplaceProductHandler(
    IProductRepository products,
    ICategoryRepository categories,
    TimeProvider clock) : ICommandHandler<ReplaceProductCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(ReplaceProductCommand command, CancellationToken cancellationToken) =>
        await products.WriteActiveAsync(
            command,
            async product =>
            {
                var replaced = product.Replace(command.Details, clock.GetUtcNow());
                if (!replaced.IsSuccess)
                {
                    return replaced;
                }

                return await ProductReferenceRules.CheckAsync(product, products, categories, cancellationToken) is { } broken
                    ? broken
                    : Result.Success();
            },
            cancellationToken);
}
