using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Domain.Common;
using Enterprise.Infrastructure.Messaging;

namespace Enterprise.UnitTests.Infrastructure.Messaging;

public sealed class DomainEventDispatcherTests
{
    private readonly List<string> _handled = [];
    private readonly Queue<IReadOnlyList<IDomainEvent>> _raised = new();

    [Test]
    public async Task Each_event_reaches_the_listeners_of_its_type_and_of_its_base_types()
    {
        var dispatcher = new DomainEventDispatcher([Listener<Shipped>("shipped"), Listener<Stocked>("stocked"), Listener<IDomainEvent>("any")]);
        _raised.Enqueue([new Shipped(), new Stocked()]);

        await dispatcher.DispatchAsync(TakeRaised, new EmptyServices(), CancellationToken.None);

        Assert.That(_handled, Is.EqualTo(new[] { "shipped", "any", "stocked", "any" }));
    }

    [Test]
    public async Task Events_raised_by_listeners_are_dispatched_in_further_rounds_until_none_are_left()
    {
        var dispatcher = new DomainEventDispatcher([Listener<Shipped>("shipped")]);
        _raised.Enqueue([new Shipped()]);
        _raised.Enqueue([new Shipped(), new Shipped()]);

        await dispatcher.DispatchAsync(TakeRaised, new EmptyServices(), CancellationToken.None);

        Assert.That(_handled, Has.Count.EqualTo(3));
    }

    [Test]
    public void Listeners_that_raise_events_forever_are_stopped_with_an_error()
    {
        var dispatcher = new DomainEventDispatcher([Listener<Shipped>("shipped")]);

        Assert.That(
            () => dispatcher.DispatchAsync(() => [new Shipped()], new EmptyServices(), CancellationToken.None),
            Throws.InvalidOperationException.With.Message.Contain($"{DomainEventDispatcher.MaxRounds} rounds"));
    }

    [Test]
    public void A_failing_listener_fails_the_dispatch()
    {
        var failing = new DomainEventListenerRegistration(typeof(Shipped), typeof(object), (_, _, _) => throw new InvalidOperationException("listener failed"));
        var dispatcher = new DomainEventDispatcher([failing]);
        _raised.Enqueue([new Shipped()]);

        Assert.That(() => dispatcher.DispatchAsync(TakeRaised, new EmptyServices(), CancellationToken.None), Throws.InvalidOperationException.With.Message.EqualTo("listener failed"));
    }

    private IReadOnlyList<IDomainEvent> TakeRaised() => _raised.Count > 0 ? _raised.Dequeue() : [];

    private DomainEventListenerRegistration Listener<TEvent>(string name) =>
        new(typeof(TEvent), typeof(object), (_, _, _) =>
        {
            _handled.Add(name);
            return ValueTask.CompletedTask;
        });

    private sealed record Shipped : IDomainEvent;

    private sealed record Stocked : IDomainEvent;

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
