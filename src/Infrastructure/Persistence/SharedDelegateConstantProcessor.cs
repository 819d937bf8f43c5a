using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>
/// EF Core's last step before it compiles a query's executor (the relational one, which all three providers use),
/// followed by <see cref="ClosedLambdaHoisting"/>: the executor's nested lambdas (the row shaper, the command resolver)
/// become delegates made once instead of on every run.
/// </summary>
/// <remarks>
/// System.Linq.Expressions compiles a nested lambda to its own method and binds a new delegate to it, with a new
/// closure, each time the enclosing code runs: two <c>DynamicMethod.CreateDelegate</c> calls per query execution,
/// 2.6% of a read by id's CPU (docs/performance.md). EF Core calls this service for every query it compiles, compiled
/// queries included, on every provider. It is marked experimental (EF9100, the precompiled-query work); ADR 0011 says
/// why it is used and how an EF Core upgrade is checked.
/// </remarks>
#pragma warning disable EF9100
internal sealed class SharedDelegateConstantProcessor(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    RelationalShapedQueryCompilingExpressionVisitorDependencies relationalDependencies,
    RelationalCommandBuilderDependencies commandBuilderDependencies)
    : RelationalLiftableConstantProcessor(dependencies, relationalDependencies, commandBuilderDependencies)
{
    public override Expression InlineConstants(Expression expression, bool supportsPrecompiledQuery) =>
        ClosedLambdaHoisting.Hoist(base.InlineConstants(expression, supportsPrecompiledQuery));
}
#pragma warning restore EF9100
