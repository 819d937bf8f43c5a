using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Common.Modules;
using Enterprise.UnitTests.Shipping;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.UnitTests.Application;

public sealed class MessagingRegistrationTests
{
    private ServiceProvider _provider = null!;

    [SetUp]
    public void TheShippingModule()
    {
        var services = new ServiceCollection();
        new ShippingTestModule().AddServices(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [TearDown]
    public void Dispose() => _provider.Dispose();

    [Test]
    public void A_consumer_is_described_by_its_module_event_and_inbox_name()
    {
        var registration = _provider.GetServices<IntegrationEventConsumerRegistration>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(registration.Module, Is.EqualTo("shipping"));
            Assert.That(registration.EventName, Is.EqualTo(ParcelBooked.EventName));
            Assert.That(registration.EventType, Is.EqualTo(typeof(ParcelBooked)));
            Assert.That(registration.ConsumerName, Is.EqualTo(typeof(ParcelBookedConsumer).FullName));
        });
    }

    [Test]
    public async Task The_consumer_invoker_calls_the_scoped_consumer_with_the_event_and_its_context()
    {
        var registration = _provider.GetServices<IntegrationEventConsumerRegistration>().Single();
        await using var scope = _provider.CreateAsyncScope();
        var booked = new ParcelBooked(Guid.NewGuid());
        var context = new IntegrationEventContext(Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        await registration.Invoke(scope.ServiceProvider, booked, context, CancellationToken.None);

        Assert.That(scope.ServiceProvider.GetRequiredService<ParcelBookedConsumer>().Calls, Is.EqualTo(new[] { (booked, context) }));
    }

    [Test]
    public async Task The_listener_invoker_calls_the_scoped_listener()
    {
        var registration = _provider.GetServices<DomainEventListenerRegistration>().Single();
        await using var scope = _provider.CreateAsyncScope();
        var lost = new ParcelLost(Guid.NewGuid());

        await registration.Invoke(scope.ServiceProvider, lost, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(registration.EventType, Is.EqualTo(typeof(ParcelLost)));
            Assert.That(scope.ServiceProvider.GetRequiredService<ParcelLostListener>().Calls, Is.EqualTo(new[] { lost }));
        });
    }

    [TestCase(typeof(Enterprise.Application.Catalog.Products.ProductDto), "catalog")]
    [TestCase(typeof(ShippingTestModule), "shipping")]
    public void A_module_is_named_by_the_namespace_segment_after_its_layer(Type type, string expected) =>
        Assert.That(ConventionalRegistration.ModuleNameOf(type), Is.EqualTo(expected));

    [Test]
    public void A_type_outside_a_module_namespace_is_refused() =>
        Assert.That(() => ConventionalRegistration.ModuleNameOf(typeof(string)), Throws.ArgumentException);
}
