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

    public static void RuleForPaging<TQuery>(this AbstractValidator<TQuery> validator)
        where TQuery : IPagedQuery
    {
        ArgumentNullException.ThrowIfNull(validator);
        // Named as callers send them, since the message is shown to them.
        validator.RuleFor(query => query.Page).InclusiveBetween(1, MaxPage).WithName("page");
        validator.RuleFor(query => query.PageSize).InclusiveBetween(1, MaxPageSize).WithName("pageSize");
    }
}
