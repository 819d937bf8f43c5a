using FluentValidation;

namespace Enterprise.Application.Common.Persistence;

/// <summary>A query that returns one offset page of a list.</summary>
public interface IPagedQuery
{
    int Page { get; }

    int PageSize { get; }
}

/// <summary>Offset paging limits shared by every list endpoint.</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Keeps the row offset (page - 1) * pageSize within an int for any accepted page size.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;
}

/// <summary>The paging rules of every offset-paged query; each module registers it for its queries of that shape.</summary>
internal sealed class PagedQueryValidator : AbstractValidator<IPagedQuery>
{
    public PagedQueryValidator()
    {
        // Named as callers send them, since the message is shown to them.
        RuleFor(query => query.Page).InclusiveBetween(1, Paging.MaxPage).WithName("page");
        RuleFor(query => query.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithName("pageSize");
    }
}
