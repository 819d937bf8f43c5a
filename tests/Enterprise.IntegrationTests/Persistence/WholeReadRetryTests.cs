using System.Data.Common;
using System.Net;
using Enterprise.Application.Common.Persistence;
using Enterprise.Infrastructure.Persistence;
using Enterprise.IntegrationTests.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Enterprise.IntegrationTests.Persistence;

/// <summary>
/// Queries on PostgreSQL run whole under <see cref="IReadRetry"/>: a transient fault runs the read again and the caller
/// sees one complete answer, and the rows stream from the driver instead of being buffered for a retry (ADR 0007).
/// </summary>
[TestFixture(DatabaseUnderTest.PostgreSql)]
public sealed class WholeReadRetryTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private readonly ProductReadProbe _probe = new();

    protected override EnterpriseApiFactory CreateFactory() =>
        new(DatabaseUnderTest) { TestServices = services => services.AddSingleton<IInterceptor>(_probe) };

    [Test]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/products/{id:guid}")]
    public async Task A_read_by_id_that_meets_a_transient_fault_is_read_again_and_answered()
    {
        var categoryId = await NewCategoryIdAsync();
        var created = await CreateProductAsync(categoryId, price: 17.25m);
        _probe.Arm(faults: 1);

        using var response = await Client.GetAsync($"{V2ProductsPath}/{IdOf(created)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var product = await response.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(IdOf(product), Is.EqualTo(IdOf(created)));
            Assert.That(product.GetProperty("price").GetProperty("amount").GetDecimal(), Is.EqualTo(17.25m));
            Assert.That(_probe.Attempts, Is.EqualTo(2), "the faulted attempt, then the one that answered");
            Assert.That(_probe.LastReadStreamed, Is.True, "the row reached EF Core straight from the driver's reader, unbuffered");
        });
    }

    [Test]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/products")]
    public async Task A_page_that_meets_a_transient_fault_is_read_again_whole()
    {
        var categoryId = await NewCategoryIdAsync();
        var created = new[] { await CreateProductAsync(categoryId), await CreateProductAsync(categoryId), await CreateProductAsync(categoryId) };
        _probe.Arm(faults: 1);

        using var response = await Client.GetAsync($"{V2ProductsPath}?categoryId={categoryId}&sort=sku");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var items = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(IdOf);
        Assert.Multiple(() =>
        {
            Assert.That(items, Is.EqualTo(created.OrderBy(product => product.GetProperty("sku").GetString(), StringComparer.Ordinal).Select(IdOf)));
            Assert.That(_probe.Attempts, Is.EqualTo(2));
            Assert.That(_probe.LastReadStreamed, Is.True);
        });
    }

    [Test]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/products/{id:guid}")]
    public async Task A_fault_that_outlasts_the_retries_is_a_503_problem_after_four_attempts()
    {
        var created = await CreateProductAsync(await NewCategoryIdAsync());
        _probe.Arm(faults: int.MaxValue);

        using var response = await Client.GetAsync($"{V2ProductsPath}/{IdOf(created)}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Database.Unavailable"));
            Assert.That(response.Headers.RetryAfter, Is.Not.Null);
            Assert.That(_probe.Attempts, Is.EqualTo(1 + TransientFaultRetries.MaxRetryCount));
        });
        _probe.Arm(faults: 0);
    }

    [Test]
    public async Task Rows_stream_from_the_driver_inside_a_retried_read_and_are_buffered_outside_one()
    {
        var categoryId = await NewCategoryIdAsync();
        await CreateProductAsync(categoryId);
        await CreateProductAsync(categoryId);
        _probe.Arm(faults: 0);
        await using var scope = Factory.Services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();

        var insideClosed = await scope.ServiceProvider.GetRequiredService<IReadRetry>().RunAsync(
            (dbContext, categoryId, _probe),
            static (read, token) => DriverReaderClosedAtFirstRowAsync(read.dbContext, read.categoryId, read._probe, token),
            CancellationToken.None);
        var outsideClosed = await DriverReaderClosedAtFirstRowAsync(dbContext, categoryId, _probe, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(insideClosed, Is.False, "inside a retried read, the driver's reader is still open at the first row: the rows stream");
            Assert.That(outsideClosed, Is.True, "outside one, EF Core has read every row into its buffer and closed the driver's reader");
        });
    }

    private static async ValueTask<bool> DriverReaderClosedAtFirstRowAsync(
        EnterpriseDbContext dbContext, Guid categoryId, ProductReadProbe probe, CancellationToken cancellationToken)
    {
        await foreach (var _ in dbContext.Products.AsNoTracking().Where(product => product.CategoryId == categoryId)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            return probe.LastReader!.IsClosed;
        }

        throw new AssertionException("The category has no products.");
    }

    /// <summary>
    /// Fails the next reads of the products table with the fault a dropped connection gives (a transient
    /// <see cref="NpgsqlException"/>), counts every attempt, keeps the driver's last reader, and tells whether EF Core
    /// read from that reader itself (streamed) or from a buffer it had copied the rows into.
    /// </summary>
    private sealed class ProductReadProbe : DbCommandInterceptor
    {
        private int _faultsLeft;
        private int _attempts;
        private DbCommand? _lastCommand;

        public int Attempts => Volatile.Read(ref _attempts);

        public DbDataReader? LastReader { get; private set; }

        public bool? LastReadStreamed { get; private set; }

        public void Arm(int faults)
        {
            Volatile.Write(ref _attempts, 0);
            LastReadStreamed = null;
            Volatile.Write(ref _faultsLeft, faults);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (!ReadsProducts(command))
            {
                return ValueTask.FromResult(result);
            }

            Interlocked.Increment(ref _attempts);
            if (Interlocked.Decrement(ref _faultsLeft) >= 0)
            {
                throw new NpgsqlException("Exception while reading from stream (simulated)", new TimeoutException("Timeout during reading attempt"));
            }

            // Nothing left to throw: back to zero, so that the next Arm starts from a known count.
            Interlocked.Increment(ref _faultsLeft);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (ReadsProducts(command))
            {
                (_lastCommand, LastReader) = (command, result);
            }

            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            if (ReferenceEquals(command, _lastCommand))
            {
                LastReadStreamed = ReferenceEquals(eventData.DataReader, LastReader);
            }

            return ValueTask.FromResult(result);
        }

        // The host's background services (outbox relay, backlog sampler) read other tables meanwhile.
        private static bool ReadsProducts(DbCommand command) => command.CommandText.Contains("\"Products\"", StringComparison.Ordinal);
    }
}
