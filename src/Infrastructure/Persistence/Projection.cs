using System.Linq.Expressions;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>
/// The lambda of a Mapperly projection method (<c>ProjectToDto</c>), built once. Each call of the method builds its
/// expression tree anew, through reflection (a property lookup per member): about a twentieth of a list read's CPU
/// (docs/performance.md). The lambda taken from one call over a query that only records it is the same tree, kept.
/// </summary>
internal static class Projection
{
    /// <exception cref="InvalidOperationException">The method does more than one <c>Select</c>.</exception>
    public static Expression<Func<TSource, TResult>> Of<TSource, TResult>(Func<IQueryable<TSource>, IQueryable<TResult>> project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var projected = project(Enumerable.Empty<TSource>().AsQueryable()).Expression;
        return projected is MethodCallExpression
        {
            Method.Name: nameof(Queryable.Select),
            Arguments: [_, UnaryExpression { Operand: Expression<Func<TSource, TResult>> lambda }],
        }
            ? lambda
            : throw new InvalidOperationException($"The projection to {typeof(TResult).Name} is not a single Select: {projected}.");
    }
}
