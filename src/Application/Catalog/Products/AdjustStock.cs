using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Caching;
using Enterprise.Application.Common.Concurrency;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using FluentValidation;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Adds (positive) or removes (negative) stock, with the reason recorded by the caller.</summary>
[RequiresScope(CatalogPermissions.WriteScope)]
public sealed record AdjustStockCommand(Guid ProductId, int Quantity, string Reason) : ICommand<Result<ProductDto>>, IHasResourceId, IConditionalWrite, IInvalidatesCache
{
    /// <summary>The versions this write is conditional on (HTTP <c>If-Match</c>); <see langword="null"/>: unconditional.</summary>
    public IReadOnlyCollection<long>? ExpectedVersions { get; init; }

    Guid IHasResourceId.ResourceId => ProductId;

    IReadOnlyList<string> IInvalidatesCache.StaleCacheKeys => [ProductCacheKeys.ById(ProductId)];
}

internal sealed class AdjustStockValidator : AbstractValidator<AdjustStockCommand>
{
    public AdjustStockValidator()
    {
        RuleFor(command => command.Quantity)
            .NotEqual(0).WithMessage(ProductErrors.AdjustmentQuantityZero.Description);
        RuleFor(command => command.Reason)
            .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage(ProductErrors.AdjustmentReasonRequired.Description)
            .Must(reason => reason is null || reason.Trim().Length <= Product.AdjustmentReasonMaxLength).WithMessage(ProductErrors.AdjustmentReasonTooLong.Description)
            .Must(reason => !ControlCharacters.In(reason)).WithMessage(ProductErrors.AdjustmentReasonControlCharacters.Description);
    }
}

internal sealed class AdjustStockHandler(IProductRepository products, TimeProvider clock)
    : ICommandHandler<AdjustStockCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(AdjustStockCommand command, CancellationToken cancellationToken) =>
        await products.WriteActiveAsync(
            command,
            product => product.AdjustStock(command.Quantity, command.Reason, clock.GetUtcNow()),
            cancellationToken);
}
