using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Enterprise.Infrastructure.Persistence;

internal static class QueryParameter
{
    /// <summary>
    /// <paramref name="value"/> as EF Core sees a captured variable, so it becomes a parameter of the SQL: every value
    /// shares one cached query and plan, where a constant would make a new one each.
    /// </summary>
    public static Expression Of<T>(T value) => Expression.Field(Expression.Constant(new StrongBox<T>(value)), nameof(StrongBox<T>.Value));
}
