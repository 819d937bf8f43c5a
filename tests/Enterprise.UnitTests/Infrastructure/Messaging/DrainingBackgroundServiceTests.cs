using Enterprise.Infrastructure.Messaging;

namespace Enterprise.UnitTests.Infrastructure.Messaging;

/// <summary>The stop of the outbox relay and the consumers: no new work once stopping, the work in hand finished until the shutdown timeout.</summary>
public sealed class DrainingBackgroundServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Stopping_ends_the_loop_but_lets_the_work_in_hand_finish()
    {
        using var service = new OneUnitOfWorkAtATime();
        await service.StartAsync(CancellationToken.None);
        await service.Started.Task.WaitAsync(Timeout);

        var stopping = service.StopAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.That(stopping.IsCompleted, Is.False, "the stop waits for the work in hand");
        service.Release.SetResult();
        await stopping.WaitAsync(Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(service.Finished, Is.EqualTo(1), "the work in hand was finished");
            Assert.That(service.Begun, Is.EqualTo(1), "no new work was taken once stopping");
            Assert.That(service.Aborted, Is.False);
        });
    }

    [Test]
    public async Task The_work_in_hand_is_cut_off_when_the_shutdown_timeout_runs_out()
    {
        using var service = new OneUnitOfWorkAtATime();
        await service.StartAsync(CancellationToken.None);
        await service.Started.Task.WaitAsync(Timeout);
        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        // Stopped as the host stops it: from a pool thread with no synchronization context, where the continuations of
        // the timeout's callbacks run inline (NUnit's test thread has a context, which once hid a missed abort).
        await Task.Run(() => service.StopAsync(shutdownTimeout.Token)).WaitAsync(Timeout);
        await service.Ended.Task.WaitAsync(Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(service.Aborted, Is.True);
            Assert.That(service.Finished, Is.Zero);
        });
    }

    /// <summary>Takes a unit of work while not stopping, and waits for the test to release it (or for the abort).</summary>
    private sealed class OneUnitOfWorkAtATime : DrainingBackgroundService
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Begun { get; private set; }

        public int Finished { get; private set; }

        public bool Aborted { get; private set; }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    Begun++;
                    Started.TrySetResult();
                    await Release.Task.WaitAsync(AbortToken);
                    Finished++;
                }
            }
            catch (OperationCanceledException) when (AbortToken.IsCancellationRequested)
            {
                Aborted = true;
            }
            finally
            {
                Ended.TrySetResult();
            }
        }
    }
}
