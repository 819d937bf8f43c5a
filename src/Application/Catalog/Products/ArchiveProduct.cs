using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Caching;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>
/// The catalog's delete: the product is archived and disappears from lists and lookups. The archived product is
/// returned so the caller learns its new version (the HTTP 204 carries it as the <c>ETag</c>).
/// </summary>
[RequiresScope(CatalogPermissions.WriteScope)]
public sealed record ArchiveProductCommand(Guid ProductId) : ICommand<Result<ProductDto>>, IHasResourceId, IConditionalWrite, IInvalidatesCache
{
    /// <summary>The versions this write is conditional on (HTTP <c>If-Match</c>); <see langword="null"/>: unconditional.</summary>
    public IReadOnlyCollection<long>? ExpectedVersions { get; init; }

    Guid IHasResourceId.ResourceId => ProductId;

    IReadOnlyList<string> IInvalidatesCache.StaleCacheKeys => [ProductCacheKeys.ById(ProductId)];
}

internal sealed class ArchiveProductHandler(IProductRepository products, TimeProvider clock)
    : ICommandHandler<ArchiveProductCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(ArchiveProductCommand command, CancellationToken cancellationToken) =>
        await products.WriteActiveAsync(
            command,
            product =>
            {
                product.Archive(clock.GetUtcNow());
                return Result.Success();
            },
            cancellationToken);
}
