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
}

/// <summary>The paging rules of every keyset-paged query; each module registers it for its queries of that shape.</summary>
internal sealed class KeysetPagedQueryValidator : AbstractValidator<IKeysetPagedQuery>
{
    public KeysetPagedQueryValidator()
    {
        // Named as callers send them, since the message is shown to them.
        RuleFor(query => query.Limit).InclusiveBetween(1, KeysetPaging.MaxLimit).WithName("limit");
        RuleFor(query => query.Cursor).MaximumLength(PageCursor.MaxLength).WithName(PageCursor.Field);
    }
}
