using System.Linq.Expressions;
using Enterprise.Infrastructure.Persistence;

namespace Enterprise.UnitTests.Infrastructure.Persistence;

public sealed class ClosedLambdaHoistingTests
{
    private static readonly ParameterExpression Number = Expression.Parameter(typeof(int), "number");

    [Test]
    public void A_nested_lambda_that_reads_nothing_around_it_is_made_once_and_still_computes_the_same()
    {
        var doubling = Expression.Lambda<Func<int, int>>(Expression.Multiply(Number, Expression.Constant(2)), Number);
        var outer = Expression.Lambda<Func<int, Func<int, int>>>(doubling, Expression.Parameter(typeof(int), "ignored"));

        var hoisted = Compile(outer);
        var asBefore = outer.Compile();

        Assert.Multiple(() =>
        {
            Assert.That(hoisted(1), Is.SameAs(hoisted(2)), "one delegate for every run");
            Assert.That(asBefore(1), Is.Not.SameAs(asBefore(2)), "without hoisting each run binds a new delegate");
            Assert.That(hoisted(1)(21), Is.EqualTo(42));
        });
    }

    [Test]
    public void A_nested_lambda_that_reads_the_outer_parameter_stays_a_lambda_and_sees_each_runs_value()
    {
        var offset = Expression.Parameter(typeof(int), "offset");
        var adding = Expression.Lambda<Func<int, int>>(Expression.Add(Number, offset), Number);
        var outer = Expression.Lambda<Func<int, Func<int, int>>>(adding, offset);

        var hoisted = Compile(outer);

        Assert.Multiple(() =>
        {
            Assert.That(hoisted(1)(2), Is.EqualTo(3));
            Assert.That(hoisted(10)(2), Is.EqualTo(12));
            Assert.That(ClosedLambdaHoisting.Hoist(outer), Is.SameAs(outer), "nothing to change");
        });
    }

    [Test]
    public void A_nested_lambda_that_reads_a_variable_of_the_code_around_it_stays_a_lambda()
    {
        var total = Expression.Variable(typeof(int), "total");
        var reading = Expression.Lambda<Func<int>>(total);
        var outer = Expression.Lambda<Func<int, Func<int>>>(
            Expression.Block([total], Expression.Assign(total, Expression.Multiply(Number, Number)), reading),
            Number);

        var hoisted = Compile(outer);

        Assert.Multiple(() =>
        {
            Assert.That(hoisted(3)(), Is.EqualTo(9));
            Assert.That(hoisted(4)(), Is.EqualTo(16));
        });
    }

    [Test]
    public void Variables_and_parameters_a_nested_lambda_declares_itself_do_not_keep_it_from_being_made_once()
    {
        // EF Core's shaper declares the executor's own parameter object again; a scope that redeclares it is closed.
        var local = Expression.Variable(typeof(int), "local");
        var failure = Expression.Variable(typeof(Exception), "failure");
        var body = Expression.TryCatch(
            Expression.Block([local], Expression.Assign(local, Expression.Add(Number, Expression.Constant(1))), local),
            Expression.Catch(failure, Expression.Property(Expression.Property(failure, nameof(Exception.Message)), nameof(string.Length))));
        var inner = Expression.Lambda<Func<int, int>>(body, Number);
        var outer = Expression.Lambda<Func<int, Func<int, int>>>(inner, Number);

        var hoisted = Compile(outer);

        Assert.Multiple(() =>
        {
            Assert.That(hoisted(1), Is.SameAs(hoisted(5)));
            Assert.That(hoisted(1)(41), Is.EqualTo(42), "the inner lambda reads its own argument, not the outer one");
        });
    }

    [Test]
    public void A_quoted_lambda_stays_an_expression_tree()
    {
        var doubling = Expression.Lambda<Func<int, int>>(Expression.Multiply(Number, Expression.Constant(2)), Number);
        var outer = Expression.Lambda<Func<Expression<Func<int, int>>>>(Expression.Quote(doubling));

        var quoted = Compile(outer)();

        Assert.Multiple(() =>
        {
            Assert.That(quoted, Is.InstanceOf<Expression<Func<int, int>>>());
            Assert.That(quoted.Compile()(5), Is.EqualTo(10));
        });
    }

    [Test]
    public void An_invoked_lambda_stays_inline_while_a_closed_lambda_inside_it_is_made_once()
    {
        var doubling = Expression.Lambda<Func<int, int>>(Expression.Multiply(Number, Expression.Constant(2)), Number);
        var offset = Expression.Parameter(typeof(int), "offset");
        var invoked = Expression.Lambda<Func<int, Func<int, int>>>(doubling, offset);
        var outer = Expression.Lambda<Func<int, Func<int, int>>>(Expression.Invoke(invoked, Number), Number);

        var hoisted = (Expression<Func<int, Func<int, int>>>)ClosedLambdaHoisting.Hoist(outer);
        var compiled = hoisted.Compile();

        Assert.Multiple(() =>
        {
            Assert.That(((InvocationExpression)hoisted.Body).Expression, Is.InstanceOf<LambdaExpression>(), "compiled inline, as before");
            Assert.That(compiled(1), Is.SameAs(compiled(2)));
            Assert.That(compiled(1)(21), Is.EqualTo(42));
        });
    }

    [Test]
    public void The_outermost_lambda_stays_a_lambda_of_its_own_type()
    {
        var outer = Expression.Lambda<Func<int, int>>(Expression.Negate(Number), Number);

        Assert.That(ClosedLambdaHoisting.Hoist(outer), Is.InstanceOf<Expression<Func<int, int>>>());
    }

    private static TDelegate Compile<TDelegate>(Expression<TDelegate> lambda) =>
        ((Expression<TDelegate>)ClosedLambdaHoisting.Hoist(lambda)).Compile();
}
