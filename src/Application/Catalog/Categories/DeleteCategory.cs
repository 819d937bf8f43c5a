using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Auditing;
using Enterprise.Application.Common.Caching;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Mediator;

namespace Enterprise.Application.Catalog.Categories;

/// <summary>Deletes a category that no active product uses.</summary>
[RequiresScope(CatalogPermissions.WriteScope)]
[RequiresRole(CatalogPermissions.AdminRole)]
public sealed record DeleteCategoryCommand(Guid CategoryId) : ICommand<Result>, IHasResourceId, IInvalidatesCache
{
    Guid IHasResourceId.ResourceId => CategoryId;

    IReadOnlyList<string> IInvalidatesCache.StaleCacheKeys => [CategoryCacheKeys.ById(CategoryId)];
}

internal sealed class DeleteCategoryHandler(ICategoryRepository categories, IProductRepository products, TimeProvider clock)
    : ICommandHandler<DeleteCategoryCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteCategoryCommand command, CancellationToken cancellationToken)
    {
        var category = await categories.FindAsync(command.CategoryId, cancellationToken);
        if (category is null)
        {
            return CategoryErrors.NotFound(command.CategoryId);
        }

        var activeProducts = await products.CountActiveInCategoryAsync(category.Id, cancellationToken);
        if (activeProducts > 0)
        {
            return CategoryErrors.InUse(category.Id, activeProducts);
        }

        category.Delete(clock.GetUtcNow());
        return Result.Success();
    }
}
