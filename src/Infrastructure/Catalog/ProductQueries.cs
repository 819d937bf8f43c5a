using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

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

    private static readonly Expression<Func<Product, ProductStatus, bool>> HasStatus = (product, status) => product.Status == status;
    private static readonly Expression<Func<Product, Guid, bool>> InCategory = (product, categoryId) => product.CategoryId == categoryId;
    private static readonly Expression<Func<Product, decimal, bool>> PricedFrom = (product, minPrice) => product.Price.Amount >= minPrice;
    private static readonly Expression<Func<Product, decimal, bool>> PricedUpTo = (product, maxPrice) => product.Price.Amount <= maxPrice;

    // Both sides are folded in .NET (SKUs are stored upper-case), so the match ignores case for every script on every
    // provider, whatever its LIKE does with case.
    private static readonly Expression<Func<Product, string, bool>> Matches = (product, pattern) =>
        EF.Functions.Like(EF.Property<string>(product, ProductNameFolding.NormalizedName), pattern, LikeEscape) ||
        EF.Functions.Like(product.Sku, pattern, LikeEscape);

    /// <summary>The compiled pages of <see cref="CompiledSeek"/>, per model (as <see cref="FindActiveByModel"/>) and shape.</summary>
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<SeekShape, Delegate>> CompiledSeeks = new();

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
        if (list.Sort is [var term])
        {
            return await SortColumns[term.Field].Accept(new CompiledSeek(dbContext, list, term, limit, after, cancellationToken));
        }

        var order = Order(list.Sort);
        var products = Filtered(list);
        if (after is not null)
        {
            products = products.After(order, after.Values);
        }

        return await products.OrderBy(order).Select(ToDto).ReadSliceAsync(limit, cancellationToken);
    }

    private IQueryable<Product> Filtered(ProductListDefinition list) => Filtered(dbContext.Products.AsNoTracking(), FilterValues.Of(list));

    private static IQueryable<Product> Filtered(IQueryable<Product> products, FilterValues values)
    {
        products = products.Where(Bind(HasStatus, values.Status));
        if (values.CategoryId is { } categoryId)
        {
            products = products.Where(Bind(InCategory, categoryId));
        }

        if (values.MinPrice is { } minPrice)
        {
            products = products.Where(Bind(PricedFrom, minPrice));
        }

        if (values.MaxPrice is { } maxPrice)
        {
            products = products.Where(Bind(PricedUpTo, maxPrice));
        }

        if (values.SearchPattern is { } pattern)
        {
            products = products.Where(Bind(Matches, pattern));
        }

        return products;
    }

    /// <summary>A filter written as a lambda of the row and a value, with the value given as an expression (a parameter).</summary>
    private static Expression<Func<Product, bool>> Bind<TValue>(Expression<Func<Product, TValue, bool>> filter, Expression value) =>
        Expression.Lambda<Func<Product, bool>>(ReplacingExpressionVisitor.Replace(filter.Parameters[1], value, filter.Body), filter.Parameters[0]);

    private static string SearchPattern(string search) => $"%{EscapeLike(ProductNameFolding.Fold(search))}%";

    /// <summary>
    /// Compiles a page of a list sorted by one field (a shape: the field and its direction, which filters, first page or
    /// not) for <see cref="CompiledSeek"/>; every value is one of the query's parameters.
    /// </summary>
    private static Delegate CompileSeek<TKey>(SeekShape shape, KeysetColumn<Product, TKey> column)
    {
        Expression<Func<EnterpriseDbContext, IQueryable<Product>>> root = context => context.Products.AsNoTracking();
        var status = Expression.Parameter(typeof(ProductStatus), "status");
        var categoryId = Expression.Parameter(typeof(Guid), "categoryId");
        var minPrice = Expression.Parameter(typeof(decimal), "minPrice");
        var maxPrice = Expression.Parameter(typeof(decimal), "maxPrice");
        var pattern = Expression.Parameter(typeof(string), "pattern");
        var afterKey = Expression.Parameter(typeof(TKey), "afterKey");
        var afterId = Expression.Parameter(typeof(Guid), "afterId");
        var take = Expression.Parameter(typeof(int), "take");

        // The operators only record the query over the lambda's parameters (as ProjectedSingle does).
        var products = Filtered(
            new EnumerableQuery<Product>(root.Body),
            new FilterValues(
                status,
                shape.ByCategory ? categoryId : null,
                shape.FromPrice ? minPrice : null,
                shape.UpToPrice ? maxPrice : null,
                shape.Searched ? pattern : null));
        KeysetOrder<Product>[] order = [new(column, shape.Descending), TieBreaker];
        if (shape.After)
        {
            products = products.After(order, [afterKey, afterId]);
        }

        var page = Expression.Call(
            typeof(Queryable), nameof(Queryable.Take), [typeof(ProductDto)], products.OrderBy(order).Select(ToDto).Expression, take);
        return EF.CompileAsyncQuery(
            Expression.Lambda<Func<EnterpriseDbContext, ProductStatus, Guid, decimal, decimal, string, TKey, Guid, int, IQueryable<ProductDto>>>(
                page, root.Parameters[0], status, categoryId, minPrice, maxPrice, pattern, afterKey, afterId, take));
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

    /// <summary>What a compiled page of a one-field sort depends on besides its values.</summary>
    private readonly record struct SeekShape(
        ProductSortField Field, bool Descending, bool ByCategory, bool FromPrice, bool UpToPrice, bool Searched, bool After);

    /// <summary>The values of a list's filters as expressions; null where the list has no such filter.</summary>
    private sealed record FilterValues(Expression Status, Expression? CategoryId, Expression? MinPrice, Expression? MaxPrice, Expression? SearchPattern)
    {
        /// <summary>A list's own values, each a query parameter.</summary>
        public static FilterValues Of(ProductListDefinition list) => new(
            QueryParameter.Of(list.Status),
            list.CategoryId is { } categoryId ? QueryParameter.Of(categoryId) : null,
            list.MinPrice is { } minPrice ? QueryParameter.Of(minPrice) : null,
            list.MaxPrice is { } maxPrice ? QueryParameter.Of(maxPrice) : null,
            list.Search is { } search ? QueryParameter.Of(ProductQueries.SearchPattern(search)) : null);
    }

    /// <summary>
    /// A page of a list sorted by one field (the default sort and most others), through a query compiled once per shape
    /// and model: the LINQ path builds the query, then EF Core evaluates, hashes and looks it up, on every page, about a
    /// tenth of a list read's CPU (docs/performance.md). A sort by several fields takes the LINQ path.
    /// </summary>
    private sealed class CompiledSeek(
        EnterpriseDbContext dbContext, ProductListDefinition list, ProductSortTerm term, int limit, ProductListPosition? after, CancellationToken cancellationToken)
        : IKeysetColumnVisitor<Product, Task<KeysetSlice<ProductDto>>>
    {
        public async Task<KeysetSlice<ProductDto>> Visit<TKey>(KeysetColumn<Product, TKey> column)
        {
            var shape = new SeekShape(
                term.Field, term.Descending, list.CategoryId is not null, list.MinPrice is not null, list.MaxPrice is not null, list.Search is not null, after is not null);
            var page = (Func<EnterpriseDbContext, ProductStatus, Guid, decimal, decimal, string, TKey, Guid, int, IAsyncEnumerable<ProductDto>>)CompiledSeeks
                .GetValue(dbContext.Model, static _ => new ConcurrentDictionary<SeekShape, Delegate>())
                .GetOrAdd(shape, static (key, keyColumn) => CompileSeek(key, keyColumn), column);
            var rows = new List<ProductDto>(limit + 1);
            var pageRows = page(
                dbContext,
                list.Status,
                list.CategoryId ?? default,
                list.MinPrice ?? default,
                list.MaxPrice ?? default,
                list.Search is { } search ? SearchPattern(search) : string.Empty,
                after is null ? default! : column.Prepare((TKey)after.Values[0]),
                after is null ? default : (Guid)after.Values[1],
                limit + 1);
            await foreach (var row in pageRows.WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }

            return Keyset.Slice(rows, limit);
        }
    }
}
