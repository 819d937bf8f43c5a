using System.Linq.Expressions;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>
/// Replaces each closed lambda nested in an expression (one that reads no parameter or variable of the code around it)
/// by a constant holding its compiled delegate, so that running the compiled expression does not bind a new delegate
/// to the lambda every time. The outermost lambda, quoted lambdas (expression values, not delegates), invoked lambdas
/// (compiled inline, with no delegate) and lambdas that use an enclosing scope's parameters or variables stay as they are.
/// </summary>
internal sealed class ClosedLambdaHoisting : ExpressionVisitor
{
    private int _enclosingLambdas;
    private bool _lambdaIsInvoked;

    private ClosedLambdaHoisting()
    {
    }

    /// <summary>The same expression with its closed nested lambdas compiled once, as constants.</summary>
    public static Expression Hoist(Expression expression) => new ClosedLambdaHoisting().Visit(expression);

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        var invoked = _lambdaIsInvoked;
        _lambdaIsInvoked = false;
        if (_enclosingLambdas > 0 && !invoked && !FreeVariables.Any(node))
        {
            return Expression.Constant(node.Compile(), node.Type);
        }

        _enclosingLambdas++;
        try
        {
            return base.VisitLambda(node);
        }
        finally
        {
            _enclosingLambdas--;
        }
    }

    protected override Expression VisitInvocation(InvocationExpression node)
    {
        // Visited first, before the arguments.
        _lambdaIsInvoked = node.Expression is LambdaExpression;
        return base.VisitInvocation(node);
    }

    protected override Expression VisitUnary(UnaryExpression node) =>
        node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);

    /// <summary>Finds a parameter or variable that an expression uses without declaring it.</summary>
    private sealed class FreeVariables : ExpressionVisitor
    {
        // Counts, not a set: one ParameterExpression may be declared again by a nested scope.
        private readonly Dictionary<ParameterExpression, int> _declared = [];
        private bool _found;

        public static bool Any(LambdaExpression lambda)
        {
            var finder = new FreeVariables();
            finder.Visit(lambda);
            return finder._found;
        }

        public override Expression? Visit(Expression? node) => _found ? node : base.Visit(node);

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            Declare(node.Parameters);
            Visit(node.Body);
            Undeclare(node.Parameters);
            return node;
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            Declare(node.Variables);
            Visit(node.Expressions);
            Undeclare(node.Variables);
            return node;
        }

        protected override CatchBlock VisitCatchBlock(CatchBlock node)
        {
            ParameterExpression[] variable = node.Variable is null ? [] : [node.Variable];
            Declare(variable);
            Visit(node.Filter);
            Visit(node.Body);
            Undeclare(variable);
            return node;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= !_declared.ContainsKey(node);
            return node;
        }

        private void Declare(IEnumerable<ParameterExpression> variables)
        {
            foreach (var variable in variables)
            {
                _declared[variable] = _declared.GetValueOrDefault(variable) + 1;
            }
        }

        private void Undeclare(IEnumerable<ParameterExpression> variables)
        {
            foreach (var variable in variables)
            {
                if (--_declared[variable] == 0)
                {
                    _declared.Remove(variable);
                }
            }
        }
    }
}
