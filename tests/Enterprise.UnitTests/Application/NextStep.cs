using Mediator;

namespace Enterprise.UnitTests.Application;

/// <summary>Stands in for the rest of the pipeline: counts how often it is called and answers as told.</summary>
internal sealed class NextStep<TMessage, TResponse>(Func<TResponse> respond)
    where TMessage : notnull, IMessage
{
    public NextStep(TResponse response)
        : this(() => response)
    {
    }

    public int Calls { get; private set; }

    public MessageHandlerDelegate<TMessage, TResponse> Delegate => (_, _) =>
    {
        Calls++;
        return new ValueTask<TResponse>(respond());
    };
}
