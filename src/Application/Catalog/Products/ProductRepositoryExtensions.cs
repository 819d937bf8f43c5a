using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;

namespace Enterprise.Application.Catalog.Products;

/// <summary>How every command that changes an existing product loads it.</summary>
internal static class ProductRepositoryExtensions
{
    /// <summary>
    /// The active product, tracked for the write, when it meets the write's condition (<see cref="VersionPrecondition"/>);
    /// otherwise not found (also when archived), then precondition failed, in that order.
    /// </summary>
    public static async Task<Result<Product>> FindActiveForWriteAsync(
        this IProductRepository products,
        Guid productId,
        IReadOnlyCollection<long>? expectedVersions,
        CancellationToken cancellationToken)
    {
        var product = await products.FindActiveAsync(productId, cancellationToken);
        if (product is null)
        {
            return ProductErrors.NotFound(productId);
        }

        return VersionPrecondition.Check(product, expectedVersions) is { } stale ? stale : product;
    }

    /// <summary>
    /// The one shape of a command that changes an existing product: load it as <see cref="FindActiveForWriteAsync"/>
    /// does, apply <paramref name="write"/>, and answer the changed product or the first failure (the unit of work
    /// commits the change).
    /// </summary>
    public static async Task<Result<ProductDto>> WriteActiveAsync<TCommand>(
        this IProductRepository products,
        TCommand command,
        Func<Product, Task<Result>> write,
        CancellationToken cancellationToken)
        where TCommand : IHasResourceId, IConditionalWrite
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(write);
        var found = await products.FindActiveForWriteAsync(command.ResourceId, command.ExpectedVersions, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var written = await write(found.Value);
        return written.IsSuccess ? found.Value.ToDto() : written.Error;
    }

    /// <inheritdoc cref="WriteActiveAsync{TCommand}(IProductRepository, TCommand, Func{Product, Task{Result}}, CancellationToken)"/>
    public static Task<Result<ProductDto>> WriteActiveAsync<TCommand>(
        this IProductRepository products,
        TCommand command,
        Func<Product, Result> write,
        CancellationToken cancellationToken)
        where TCommand : IHasResourceId, IConditionalWrite
    {
        ArgumentNullException.ThrowIfNull(write);
        return products.WriteActiveAsync(command, product => Task.FromResult(write(product)), cancellationToken);
    }
}
