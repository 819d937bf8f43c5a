using Enterprise.Application.Common.Persistence;

namespace Enterprise.WebApi.Pagination;

/// <summary>One page of an offset-paged list, with the total across all pages.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

/// <summary>One keyset page: the items only; the next page, if any, is in the <c>Link</c> header.</summary>
public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);

public static class PageResponse
{
    public static PageResponse<TItem> From<TSource, TItem>(PagedResult<TSource> page, Func<TSource, TItem> toItem)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new([.. page.Items.Select(toItem)], page.Page, page.PageSize, page.TotalCount);
    }
}
