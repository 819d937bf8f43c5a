using FluentValidation;

namespace Enterprise.Application.Common.Persistence;

/// <summary>A query that returns one keyset page of a list: up to <see cref="Limit"/> items after a cursor's position.</summary>
public interface IKeysetPagedQuery
{
    int Limit { get; }

    /// <summary>The next-page cursor of the previous page; <see langword="null"/> for the first page.</summary>
    string? Cursor { get; }
}

/// <summary>Keyset paging limits shared by every cursor-paged list.</summary>
public static class KeysetPaging
{
    public const int DefaultLimit = Paging.DefaultPageSize;
    public const int MaxLimit = Paging.MaxPageSize;

    public static void RuleForKeysetPaging<TQuery>(this AbstractValidator<TQuery> validator)
        where TQuery : IKeysetPagedQuery
    {
        ArgumentNullException.ThrowIfNull(validator);
        // Named as callers send them, since the message is shown to them.
        validator.RuleFor(query => query.Limit).InclusiveBetween(1, MaxLimit).WithName("limit");
        validator.RuleFor(query => query.Cursor).MaximumLength(PageCursor.MaxLength).WithName(PageCursor.Field);
    }
}
