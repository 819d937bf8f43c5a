using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Behaviors;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;

namespace Enterprise.UnitTests.Application;

public sealed class ReadRetryBehaviorTests
{
    [Test]
    public async Task The_handler_runs_inside_the_read_retry_with_the_callers_token()
    {
        using var cancellation = new CancellationTokenSource();
        var readRetry = new RunsEachReadTimes(1);
        Result<ProductDto> answer = TestData.NewProduct().ToDto();
        var next = new NextStep<GetProductQuery, Result<ProductDto>>(answer);
        var behavior = new ReadRetryBehavior<GetProductQuery, Result<ProductDto>>(readRetry);

        var result = await behavior.Handle(new GetProductQuery(Guid.CreateVersion7()), next.Delegate, cancellation.Token);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(answer));
            Assert.That(next.Calls, Is.EqualTo(1));
            Assert.That(readRetry.Tokens, Is.EqualTo(new[] { cancellation.Token }));
        });
    }

    [Test]
    public async Task A_read_run_again_runs_the_whole_handler_again_and_answers_with_the_last_run()
    {
        var readRetry = new RunsEachReadTimes(2);
        var answers = new Queue<Result<ProductDto>>([ProductErrors.NotFound(Guid.Empty), TestData.NewProduct().ToDto()]);
        var last = answers.Last();
        var next = new NextStep<GetProductQuery, Result<ProductDto>>(answers.Dequeue);
        var behavior = new ReadRetryBehavior<GetProductQuery, Result<ProductDto>>(readRetry);

        var result = await behavior.Handle(new GetProductQuery(Guid.CreateVersion7()), next.Delegate, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(last));
            Assert.That(next.Calls, Is.EqualTo(2));
        });
    }

    /// <summary>Runs every read the given number of times, as a retry after transient faults does, and answers with the last run.</summary>
    private sealed class RunsEachReadTimes(int runs) : IReadRetry
    {
        public List<CancellationToken> Tokens { get; } = [];

        public async ValueTask<TResult> RunAsync<TState, TResult>(
            TState state, Func<TState, CancellationToken, ValueTask<TResult>> read, CancellationToken cancellationToken)
        {
            Tokens.Add(cancellationToken);
            var result = await read(state, cancellationToken);
            for (var run = 1; run < runs; run++)
            {
                result = await read(state, cancellationToken);
            }

            return result;
        }
    }
}
