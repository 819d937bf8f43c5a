using Enterprise.Application.Common.Persistence;
using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Common;
using FluentValidation;
using Mediator;

namespace Enterprise.Application.Catalog.Products;

/// <summary>Active products, filtered, sorted by an allow-listed <see cref="Sort"/> and offset-paged.</summary>
public sealed record ListProductsQuery : IPagedQuery, IQuery<Result<PagedResult<ProductDto>>>
{
    public const int SearchMaxLength = 100;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;

    public Guid? CategoryId { get; init; }

    public string? Search { get; init; }

    public string? Sort { get; init; }
}

internal sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsValidator()
    {
        this.RuleForPaging();
        // Reported under "q", the name callers send the search text as.
        RuleFor(query => query.Search).MaximumLength(ListProductsQuery.SearchMaxLength).OverridePropertyName("q");
        // No stored name or SKU holds a control character, and PostgreSQL cannot take NUL in a parameter (500).
        RuleFor(query => query.Search)
            .Must(search => !ControlCharacters.In(search)).WithMessage("The search text must not contain control characters.")
            .OverridePropertyName("q");
        RuleFor(query => query.Sort).SatisfiesDomainRule(ProductSort.Parse);
    }
}

internal sealed class ListProductsHandler(IProductQueries queries)
    : IQueryHandler<ListProductsQuery, Result<PagedResult<ProductDto>>>
{
    public async ValueTask<Result<PagedResult<ProductDto>>> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var sort = ProductSort.Parse(query.Sort);
        if (!sort.IsSuccess)
        {
            return sort.Error;
        }

        var criteria = new ProductListCriteria(
            query.Page,
            query.PageSize,
            query.CategoryId,
            string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim(),
            sort.Value);
        return await queries.ListActiveAsync(criteria, cancellationToken);
    }
}
