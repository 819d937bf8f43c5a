using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Enterprise.Infrastructure.Catalog;

internal sealed class ProductQueries(EnterpriseDbContext dbContext) : IProductQueries
{
    private const string LikeEscape = "\\";

    private static readonly Dictionary<ProductSortField, KeysetColumn<Product>> SortColumns = new()
    {
        // Names order by their folded form (ProductNameFolding), so a position's displayed name is folded to seek.
        [ProductSortField.Name] = new KeysetColumn<Product, string>(
            product => EF.Property<string>(product, ProductNameFolding.NormalizedName), ProductNameFolding.Fold),
        [ProductSortField.Sku] = new KeysetColumn<Product, string>(product => product.Sku),
        [ProductSortField.Price] = new KeysetColumn<Product, decimal>(product => product.Price.Amount),
        [ProductSortField.StockQuantity] = new KeysetColumn<Product, int>(product => product.StockQuantity),
        [ProductSortField.CreatedAt] = new KeysetColumn<Product, DateTime>(product => product.CreatedAt),
        [ProductSortField.UpdatedAt] = new KeysetColumn<Product, DateTime>(product => product.UpdatedAt),
    };

    private static readonly Expression<Func<Product, ProductDto>> ToDto = Projection.Of<Product, ProductDto>(ProductMapper.ProjectToDto);

    /// <summary>The id breaks ties, so equal keys never swap places between pages.</summary>
    private static readonly KeysetOrder<Product> TieBreaker = new(new KeysetColumn<Product, Guid>(product => product.Id), Descending: false);

    /// <summary>
    /// The hottest read, compiled once per model: a LINQ query would rebuild Mapperly's projection, then have EF Core
    /// evaluate, hash and look it up again, on every call (about a tenth of a by-id read's CPU, docs/performance.md).
    /// Per model, because a compiled query keeps the first model it ran with, and each provider has its own.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<EnterpriseDbContext, Guid, CancellationToken, Task<ProductDto?>>> FindActiveByModel = new();

    public Task<ProductDto?> FindActiveAsync(Guid id, CancellationToken cancellationToken) =>
        FindActiveByModel.GetValue(dbContext.Model, static _ => EF.CompileAsyncQuery(ProjectedSingle(
                (EnterpriseDbContext context, Guid productId) => context.Products.AsNoTracking()
                    .Where(product => product.Id == productId && product.Status == ProductStatus.Active))))
            (dbContext, id, cancellationToken);

    public async Task<PagedResult<ProductDto>> ListAsync(ProductListDefinition list, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var products = Filtered(list);
        var totalCount = await products.CountAsync(cancellationToken);
        var items = await products
            .OrderBy(Order(list.Sort))
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(ToDto)
            .ToListAsync(cancellationToken);
        return new PagedResult<ProductDto>(items, page, pageSize, totalCount);
    }

    public async Task<KeysetSlice<ProductDto>> SeekAsync(ProductListDefinition list, int limit, ProductListPosition? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var order = Order(list.Sort);
        var products = Filtered(list);
        if (after is not null)
        {
            products = products.After(order, after.Values);
        }

        return await products.OrderBy(order).Select(ToDto).ReadSliceAsync(limit, cancellationToken);
    }

    private IQueryable<Product> Filtered(ProductListDefinition list)
    {
        var products = dbContext.Products.AsNoTracking().Where(product => product.Status == list.Status);
        if (list.CategoryId is { } categoryId)
        {
            products = products.Where(product => product.CategoryId == categoryId);
        }

        if (list.MinPrice is { } minPrice)
        {
            products = products.Where(product => product.Price.Amount >= minPrice);
        }

        if (list.MaxPrice is { } maxPrice)
        {
            products = products.Where(product => product.Price.Amount <= maxPrice);
        }

        if (list.Search is { } search)
        {
            // Both sides are folded in .NET (SKUs are stored upper-case), so the match ignores case for
            // every script on every provider, whatever its LIKE does with case.
            var pattern = $"%{EscapeLike(ProductNameFolding.Fold(search))}%";
            products = products.Where(product =>
                EF.Functions.Like(EF.Property<string>(product, ProductNameFolding.NormalizedName), pattern, LikeEscape) ||
                EF.Functions.Like(product.Sku, pattern, LikeEscape));
        }

        return products;
    }

    /// <summary>
    /// <paramref name="products"/> projected by Mapperly's mapping (<see cref="ToDto"/>) and ended by SingleOrDefault, as
    /// one cancellable expression for <c>EF.CompileAsyncQuery</c>.
    /// </summary>
    private static Expression<Func<EnterpriseDbContext, TParameter, CancellationToken, ProductDto?>> ProjectedSingle<TParameter>(
        Expression<Func<EnterpriseDbContext, TParameter, IQueryable<Product>>> products)
    {
        var projected = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Product), typeof(ProductDto)], products.Body, Expression.Quote(ToDto));
        var single = Expression.Call(typeof(Queryable), nameof(Queryable.SingleOrDefault), [typeof(ProductDto)], projected);
        return Expression.Lambda<Func<EnterpriseDbContext, TParameter, CancellationToken, ProductDto?>>(
            single, [.. products.Parameters, Expression.Parameter(typeof(CancellationToken), "cancellationToken")]);
    }

    private static KeysetOrder<Product>[] Order(IReadOnlyList<ProductSortTerm> sort) =>
        [.. sort.Select(term => new KeysetOrder<Product>(SortColumns[term.Field], term.Descending)), TieBreaker];

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
