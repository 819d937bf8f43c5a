using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.IntegrationEvents;
using Enterprise.Application.Common.Modules;
using Enterprise.Application.Common.Persistence;
using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using CatalogProductRepository = Enterprise.Infrastructure.Catalog.ProductRepository;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>A test-only integration event: the outbox gets one for every product a test creates.</summary>
public sealed record TestProductCreated(Guid ProductId, string Sku) : IIntegrationEvent
{
    public static string EventName => "tests.product-created";
}

/// <summary>The test module (named <c>messaging</c> after its namespace) and the services its tests observe and steer.</summary>
internal sealed class MessagingTestModule : IModule
{
    public const string Name = "messaging";

    public void AddServices(IServiceCollection services) => services.AddModuleIntegrationEventConsumers(this);

    /// <summary>
    /// Registers the test consumer the way a module does, makes product creation write a <see cref="TestProductCreated"/>
    /// to the outbox (in the request's unit of work), and puts a scriptable transport in front of the in-process one.
    /// </summary>
    public static void AddTo(IServiceCollection services, ConsumerProbe probe, ScriptedTransport transport, FailingOutboxInsert failingInsert)
    {
        new MessagingTestModule().AddServices(services);
        services.AddSingleton(probe);
        services.AddSingleton<IInterceptor>(failingInsert);
        services.AddScoped<CatalogProductRepository>();
        services.AddScoped<IProductRepository>(provider => new PublishingProductRepository(
            provider.GetRequiredService<CatalogProductRepository>(),
            provider.GetRequiredService<IIntegrationEventOutbox>()));
        services.AddSingleton<InProcessTransport>();
        services.AddSingleton<IMessageTransport>(provider => transport.Wrapping(provider.GetRequiredService<InProcessTransport>()));
    }
}

/// <summary>The real product repository, plus an outbox event for each product added: what a module's handler would do.</summary>
internal sealed class PublishingProductRepository(IProductRepository inner, IIntegrationEventOutbox outbox) : IProductRepository
{
    public Task<Product?> FindActiveAsync(Guid id, CancellationToken cancellationToken) => inner.FindActiveAsync(id, cancellationToken);

    public Task<IReadOnlyList<Product>> ListForUpdateAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        inner.ListForUpdateAsync(ids, cancellationToken);

    public Task<bool> SkuExistsAsync(string sku, Guid? exceptProductId, CancellationToken cancellationToken) =>
        inner.SkuExistsAsync(sku, exceptProductId, cancellationToken);

    public Task<int> CountActiveInCategoryAsync(Guid categoryId, CancellationToken cancellationToken) =>
        inner.CountActiveInCategoryAsync(categoryId, cancellationToken);

    public void Add(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        inner.Add(product);
        outbox.Add(new TestProductCreated(product.Id, product.Sku));
    }
}

/// <summary>
/// Adds one unit of stock to the product each time it applies a message, so the effect shows in the API. A product
/// whose SKU starts with <see cref="ConsumerProbe.PoisonPrefix"/> makes it throw, until the probe cures that SKU; one
/// whose SKU starts with <see cref="ConsumerProbe.ContendedPrefix"/> makes it lose a few races first.
/// </summary>
internal sealed class RestockOnProductCreated(IProductRepository products, TimeProvider clock, ConsumerProbe probe)
    : IIntegrationEventConsumer<TestProductCreated>
{
    public async Task ConsumeAsync(TestProductCreated integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        probe.Called(integrationEvent.Sku, Activity.Current?.TraceId.ToHexString());
        if (probe.IsPoison(integrationEvent.Sku))
        {
            throw new InvalidOperationException($"The test consumer refuses {integrationEvent.Sku}.");
        }

        if (probe.LosesRace(integrationEvent.Sku))
        {
            // What persistence raises when another write changed the row between this read and this save.
            throw new ConcurrencyConflictException($"Product {integrationEvent.ProductId} was changed by another write.", staleVersion: true, new DbUpdateConcurrencyException());
        }

        var product = await products.FindActiveAsync(integrationEvent.ProductId, cancellationToken)
            ?? throw new InvalidOperationException($"Product {integrationEvent.ProductId} does not exist.");
        var adjusted = product.AdjustStock(1, "Restocked by the test consumer", clock.GetUtcNow());
        if (!adjusted.IsSuccess)
        {
            throw new InvalidOperationException(adjusted.Error.Description);
        }
    }
}

/// <summary>What the test consumer saw: calls and trace ids per SKU; which SKUs are poison.</summary>
internal sealed class ConsumerProbe
{
    public const string PoisonPrefix = "POISON-";

    /// <summary>A SKU starting with this loses its race against another write <see cref="RacesLostPerContendedSku"/> times.</summary>
    public const string ContendedPrefix = "CONTENDED-";

    public const int RacesLostPerContendedSku = 5;

    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, string?> _traceIds = new();
    private readonly ConcurrentDictionary<string, bool> _cured = new();

    public void Called(string sku, string? traceId)
    {
        _calls.AddOrUpdate(sku, 1, (_, calls) => calls + 1);
        _traceIds[sku] = traceId;
    }

    public int CallsFor(string sku) => _calls.GetValueOrDefault(sku);

    public string? TraceIdSeenFor(string sku) => _traceIds.GetValueOrDefault(sku);

    public bool LosesRace(string sku) =>
        sku.StartsWith(ContendedPrefix, StringComparison.Ordinal) && CallsFor(sku) <= RacesLostPerContendedSku;

    public bool IsPoison(string sku) => sku.StartsWith(PoisonPrefix, StringComparison.Ordinal) && !_cured.ContainsKey(sku);

    public void Cure(string sku) => _cured[sku] = true;
}

/// <summary>
/// The in-process transport behind a switch: a payload naming a SKU the test marked as failing makes the publish
/// throw (as an unreachable broker would), for the given number of attempts.
/// </summary>
internal sealed class ScriptedTransport : IMessageTransport
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    private IMessageTransport? _inner;

    public ScriptedTransport Wrapping(IMessageTransport inner)
    {
        _inner = inner;
        return this;
    }

    public void FailPublishing(string sku, int times) => _failuresLeft[sku] = times;

    public Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var payload = Encoding.UTF8.GetString(envelope.Payload.Span);
        foreach (var (sku, left) in _failuresLeft)
        {
            if (left > 0 && payload.Contains(sku, StringComparison.Ordinal) && _failuresLeft.TryUpdate(sku, left - 1, left))
            {
                throw new IOException($"The scripted broker refused the message for {sku}.");
            }
        }

        return _inner!.PublishAsync(envelope, cancellationToken);
    }
}

/// <summary>When armed, fails the next command that inserts into the outbox, as a database failure in mid-transaction would.</summary>
internal sealed class FailingOutboxInsert : DbCommandInterceptor
{
    private int _armed;

    public void ArmOnce() => Interlocked.Exchange(ref _armed, 1);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        FailIfArmed(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        FailIfArmed(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void FailIfArmed(DbCommand command)
    {
        if (command.CommandText.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase)
            && command.CommandText.Contains("OutboxMessages", StringComparison.Ordinal)
            && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            throw new InvalidOperationException("The test failed the outbox insert.");
        }
    }
}
