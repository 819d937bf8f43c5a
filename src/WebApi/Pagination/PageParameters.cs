using System.ComponentModel;
using Enterprise.Application.Common.Persistence;
using Microsoft.AspNetCore.Mvc;

namespace Enterprise.WebApi.Pagination;

/// <summary>The query parameters that choose one page of an offset-paged list (<see cref="IPagedQuery"/>).</summary>
public sealed record OffsetPageParameters
{
    [Description("1-based page number.")]
    [DefaultValue(1)]
    [FromQuery(Name = "page")]
    public int Page { get; init; } = 1;

    [Description("Items per page, 1 to 100.")]
    [DefaultValue(Paging.DefaultPageSize)]
    [FromQuery(Name = "pageSize")]
    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

/// <summary>The query parameters that choose one page of a keyset-paged list (<see cref="IKeysetPagedQuery"/>).</summary>
public sealed record CursorPageParameters
{
    [Description("Items per page, 1 to 100.")]
    [DefaultValue(KeysetPaging.DefaultLimit)]
    [FromQuery(Name = "limit")]
    public int Limit { get; init; } = KeysetPaging.DefaultLimit;

    [Description("The opaque position from a previous page's next link; omit for the first page.")]
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}
