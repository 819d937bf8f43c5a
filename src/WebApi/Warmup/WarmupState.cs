namespace Enterprise.WebApi.Warmup;

/// <summary>Whether the warm-up has finished (or was never needed); readiness and tests observe it.</summary>
public sealed class WarmupState
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up has finished, succeeded or not.</summary>
    public Task Finished => _finished.Task;

    public bool IsFinished => _finished.Task.IsCompleted;

    internal void MarkFinished() => _finished.TrySetResult();
}
