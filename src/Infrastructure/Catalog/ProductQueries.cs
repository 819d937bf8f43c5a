using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Catalog;

internal sealed class ProductQueries(EnterpriseDbContext dbContext) : IProductQueries
{
    private const string LikeEscape = "\\";

    public Task<ProductDto?> FindActiveAsync(Guid id, CancellationToken cancellationToken) =>
        ActiveProducts()
            .Where(product => product.Id == id)
            .ProjectToDto()
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<PagedResult<ProductDto>> ListActiveAsync(ProductListCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var products = ActiveProducts();
        if (criteria.CategoryId is { } categoryId)
        {
            products = products.Where(product => product.CategoryId == categoryId);
        }

        if (criteria.Search is { } search)
        {
            // Both sides are folded in .NET (SKUs are stored upper-case), so the match ignores case for
            // every script on every provider, whatever its LIKE does with case.
            var pattern = $"%{EscapeLike(ProductNameFolding.Fold(search))}%";
            products = products.Where(product =>
                EF.Functions.Like(EF.Property<string>(product, ProductNameFolding.NormalizedName), pattern, LikeEscape) ||
                EF.Functions.Like(product.Sku, pattern, LikeEscape));
        }

        var totalCount = await products.CountAsync(cancellationToken);
        var items = await Sorted(products, criteria.Sort)
            .Skip((criteria.Page - 1) * criteria.PageSize)
            .Take(criteria.PageSize)
            .ProjectToDto()
            .ToListAsync(cancellationToken);
        return new PagedResult<ProductDto>(items, criteria.Page, criteria.PageSize, totalCount);
    }

    private IQueryable<Product> ActiveProducts() =>
        dbContext.Products.AsNoTracking().Where(product => product.Status == ProductStatus.Active);

    private static IOrderedQueryable<Product> Sorted(IQueryable<Product> products, IReadOnlyList<ProductSortTerm> sort)
    {
        IOrderedQueryable<Product>? ordered = null;
        foreach (var term in sort)
        {
            ordered = term.Field switch
            {
                ProductSortField.Name => ThenBy(products, ordered, product => EF.Property<string>(product, ProductNameFolding.NormalizedName), term.Descending),
                ProductSortField.Sku => ThenBy(products, ordered, product => product.Sku, term.Descending),
                ProductSortField.Price => ThenBy(products, ordered, product => product.Price.Amount, term.Descending),
                ProductSortField.StockQuantity => ThenBy(products, ordered, product => product.StockQuantity, term.Descending),
                ProductSortField.CreatedAt => ThenBy(products, ordered, product => product.CreatedAt, term.Descending),
                ProductSortField.UpdatedAt => ThenBy(products, ordered, product => product.UpdatedAt, term.Descending),
                _ => throw new ArgumentOutOfRangeException(nameof(sort), term.Field, "Unsupported sort field."),
            };
        }

        // The id breaks ties, so equal keys never swap places between pages.
        return ThenBy(products, ordered, product => product.Id, descending: false);
    }

    private static IOrderedQueryable<Product> ThenBy<TKey>(
        IQueryable<Product> products,
        IOrderedQueryable<Product>? ordered,
        System.Linq.Expressions.Expression<Func<Product, TKey>> key,
        bool descending) =>
        (ordered, descending) switch
        {
            (null, false) => products.OrderBy(key),
            (null, true) => products.OrderByDescending(key),
            (_, false) => ordered.ThenBy(key),
            (_, true) => ordered.ThenByDescending(key),
        };

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
