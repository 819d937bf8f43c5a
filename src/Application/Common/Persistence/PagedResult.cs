namespace Enterprise.Application.Common.Persistence;

/// <summary>One page of an offset-paged list, with the total across all pages.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
