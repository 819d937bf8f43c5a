using System.Linq.Expressions;
using Enterprise.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>A column a list can be ordered by, and compared on to seek past a position in that order.</summary>
internal abstract class KeysetColumn<TEntity>
{
    public abstract IOrderedQueryable<TEntity> ThenBy(IQueryable<TEntity> source, IOrderedQueryable<TEntity>? ordered, bool descending);

    /// <summary><c>row.Column {comparison} value</c>, <paramref name="value"/> being an expression of the column's type.</summary>
    public abstract Expression Compare(ParameterExpression row, Expression value, ExpressionType comparison);

    /// <summary>A position's value, prepared, as a query parameter, so every page shares one cached query plan.</summary>
    public abstract Expression Parameter(object value);

    /// <summary>Hands the column to <paramref name="visitor"/> with its key type, for code typed by it (compiled queries).</summary>
    public abstract TResult Accept<TResult>(IKeysetColumnVisitor<TEntity, TResult> visitor);
}

/// <summary>Work that needs a <see cref="KeysetColumn{TEntity}"/>'s key type, reached without reflection.</summary>
internal interface IKeysetColumnVisitor<TEntity, out TResult>
{
    TResult Visit<TKey>(KeysetColumn<TEntity, TKey> column);
}

/// <param name="key">The column as the database orders it.</param>
/// <param name="prepare">Turns a position's value into the column's terms (e.g. a displayed name into its folded form).</param>
internal sealed class KeysetColumn<TEntity, TKey>(Expression<Func<TEntity, TKey>> key, Func<TKey, TKey>? prepare = null)
    : KeysetColumn<TEntity>
{
    private static readonly System.Reflection.MethodInfo StringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static readonly System.Reflection.MethodInfo GuidCompareTo =
        typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;

    public override IOrderedQueryable<TEntity> ThenBy(IQueryable<TEntity> source, IOrderedQueryable<TEntity>? ordered, bool descending) =>
        (ordered, descending) switch
        {
            (null, false) => source.OrderBy(key),
            (null, true) => source.OrderByDescending(key),
            (_, false) => ordered.ThenBy(key),
            (_, true) => ordered.ThenByDescending(key),
        };

    /// <summary>A position's value in the column's terms (e.g. a displayed name folded).</summary>
    public TKey Prepare(TKey value) => prepare is null ? value : prepare(value);

    public override Expression Parameter(object value) => QueryParameter.Of(Prepare((TKey)value));

    public override Expression Compare(ParameterExpression row, Expression value, ExpressionType comparison)
    {
        var column = ReplacingExpressionVisitor.Replace(key.Parameters[0], row, key.Body);
        if (comparison == ExpressionType.Equal)
        {
            return Expression.Equal(column, value);
        }

        // Strings and GUIDs have no < or > in C#; the providers translate these calls compared with zero into them.
        var zero = Expression.Constant(0);
        return typeof(TKey) == typeof(string) ? Expression.MakeBinary(comparison, Expression.Call(StringCompare, column, value), zero)
            : typeof(TKey) == typeof(Guid) ? Expression.MakeBinary(comparison, Expression.Call(column, GuidCompareTo, value), zero)
            : Expression.MakeBinary(comparison, column, value);
    }

    public override TResult Accept<TResult>(IKeysetColumnVisitor<TEntity, TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}

/// <summary>One term of a keyset order: a column and its direction.</summary>
internal sealed record KeysetOrder<TEntity>(KeysetColumn<TEntity> Column, bool Descending);

/// <summary>
/// Keyset ("seek") paging: order by a list of columns that ends with a unique one, and continue strictly after the
/// last row read, whatever was inserted or deleted meanwhile. Unlike OFFSET, no row that stays is skipped or
/// repeated, and a deep page costs as little as the first.
/// </summary>
internal static class Keyset
{
    public static IOrderedQueryable<TEntity> OrderBy<TEntity>(this IQueryable<TEntity> source, IReadOnlyList<KeysetOrder<TEntity>> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        IOrderedQueryable<TEntity>? ordered = null;
        foreach (var term in order)
        {
            ordered = term.Column.ThenBy(source, ordered, term.Descending);
        }

        return ordered ?? throw new ArgumentException("A keyset order needs at least one column.", nameof(order));
    }

    /// <summary>
    /// The rows after <paramref name="position"/> (one value per column of <paramref name="order"/>):
    /// <c>(c1 &gt; v1) OR (c1 = v1 AND c2 &gt; v2) OR …</c>, with &lt; for descending columns.
    /// </summary>
    public static IQueryable<TEntity> After<TEntity>(
        this IQueryable<TEntity> source,
        IReadOnlyList<KeysetOrder<TEntity>> order,
        IReadOnlyList<object> position)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(position);
        if (order.Count != position.Count)
        {
            throw new ArgumentException("A keyset position has one value per column of the order.", nameof(position));
        }

        return source.After(order, [.. order.Select((term, index) => term.Column.Parameter(position[index]))]);
    }

    /// <summary>
    /// The rows after a position given as expressions of the columns' types (one per column of <paramref name="order"/>),
    /// such as a compiled query's parameters.
    /// </summary>
    public static IQueryable<TEntity> After<TEntity>(
        this IQueryable<TEntity> source,
        IReadOnlyList<KeysetOrder<TEntity>> order,
        IReadOnlyList<Expression> position)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(position);
        if (order.Count == 0 || order.Count != position.Count)
        {
            throw new ArgumentException("A keyset position has one value per column of the order.", nameof(position));
        }

        var row = Expression.Parameter(typeof(TEntity), "row");
        Expression? after = null;
        for (var index = 0; index < order.Count; index++)
        {
            var beyond = order[index].Column.Compare(row, position[index], order[index].Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
            for (var tied = index - 1; tied >= 0; tied--)
            {
                beyond = Expression.AndAlso(order[tied].Column.Compare(row, position[tied], ExpressionType.Equal), beyond);
            }

            after = after is null ? beyond : Expression.OrElse(after, beyond);
        }

        return source.Where(Expression.Lambda<Func<TEntity, bool>>(after!, row));
    }

    /// <summary>Up to <paramref name="limit"/> rows of an ordered query; one row more is read to tell whether more follow, without counting.</summary>
    public static async Task<KeysetSlice<T>> ReadSliceAsync<T>(this IQueryable<T> ordered, int limit, CancellationToken cancellationToken) =>
        Slice(await ordered.Take(limit + 1).ToListAsync(cancellationToken), limit);

    /// <summary>The first <paramref name="limit"/> of up to one more rows read, and whether there were more.</summary>
    public static KeysetSlice<T> Slice<T>(List<T> rows, int limit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count > limit
            ? new KeysetSlice<T>(rows[..limit], HasMore: true)
            : new KeysetSlice<T>(rows, HasMore: false);
    }
}
