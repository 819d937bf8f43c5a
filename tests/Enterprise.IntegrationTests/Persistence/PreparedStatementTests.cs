using System.Net;
using Enterprise.Infrastructure.Persistence;
using Enterprise.IntegrationTests.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Enterprise.IntegrationTests.Persistence;

/// <summary>
/// On PostgreSQL the application's statements are prepared on the server after a few runs (<c>Max Auto Prepare</c>),
/// and a migration that changes the type of a column they select, run by another process while the API serves, costs
/// no request: the statement PostgreSQL refuses once per connection is run again.
/// </summary>
[TestFixture(DatabaseUnderTest.PostgreSql)]
public sealed class PreparedStatementTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    /// <summary>Npgsql prepares a statement at its fifth run on a connection; eight runs leave a margin.</summary>
    private const int RunsToPrepare = 8;

    /// <summary>
    /// One pooled connection for the whole application, so that the connection a request gets after the migration is
    /// always one on which its statement was prepared (with several, a request may land on a fresh one and prove nothing).
    /// </summary>
    protected override EnterpriseApiFactory CreateFactory()
    {
        var testDatabase = TestDatabase.Create(DatabaseUnderTest);
        var oneConnection = new NpgsqlConnectionStringBuilder(testDatabase.ConnectionString) { MaxPoolSize = 1 };
        return new EnterpriseApiFactory(testDatabase, new Dictionary<string, string?> { ["ConnectionStrings:Enterprise"] = oneConnection.ConnectionString });
    }

    [Test]
    public async Task A_query_run_again_and_again_on_a_connection_is_prepared_on_the_server()
    {
        var sku = await CreateProductSkuAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();
        await dbContext.Database.OpenConnectionAsync();

        for (var run = 0; run < RunsToPrepare; run++)
        {
            Assert.That(await dbContext.Products.AsNoTracking().CountAsync(product => product.Sku == sku), Is.EqualTo(1));
        }

        // pg_prepared_statements lists the statements of this session only: the connection EF Core kept open above.
        var prepared = await dbContext.Database
            .SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements")
            .ToListAsync();
        Assert.That(prepared, Has.Some.Contains("FROM catalog.\"Products\"").And.Contains("\"Sku\""));
    }

    [Test]
    public async Task Queries_reach_the_driver_with_positional_placeholders_without_a_command_interceptor()
    {
        var sku = await CreateProductSkuAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>();
        var sent = new List<(string Text, string[] ParameterNames)>();
        var options = dbContext.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!;
        using (EfCoreCommands.Observe(dbContext, command => sent.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(parameter => parameter.ParameterName)]))))
        {
            // EF Core looks again for diagnostic listeners only when its logging cache time has passed.
            await Task.Delay(options.LoggingCacheTime + TimeSpan.FromMilliseconds(200));
            var product = await dbContext.Products.SingleAsync(product => product.Sku == sku);
            product.AdjustStock(1, "positional placeholders", DateTimeOffset.UtcNow);
            await dbContext.SaveChangesAsync();
        }

        // The update ends with a statement terminator, which the rewrite leaves to Npgsql (PositionalCommandText.From).
        Assert.Multiple(() =>
        {
            Assert.That(sent, Has.Count.EqualTo(2), "the query and the update");
            Assert.That(sent[0].Text, Does.Contain("$1").And.Not.Contain("@"));
            Assert.That(sent[0].ParameterNames, Is.Not.Empty.And.All.Empty);
            Assert.That(sent[1].Text, Does.StartWith("UPDATE catalog.\"Products\""));
            Assert.That(options.Interceptors ?? [], Has.None.InstanceOf<IDbCommandInterceptor>());
        });
    }

    [Test]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/products/{id:guid}")]
    [CoversEndpoint("POST", "api/v{version:apiVersion}/products/{id:guid}/stock-adjustments")]
    public async Task Reads_and_writes_go_on_after_a_migration_changes_the_type_of_a_column_they_select()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: 0));
        for (var run = 0; run < RunsToPrepare; run++)
        {
            await AssertReadAsync(id);
            await AssertAdjustedAsync(id, expectedStock: run + 1);
        }

        await AlterProductNameAsync("varchar(300)");
        try
        {
            for (var run = 0; run < RunsToPrepare; run++)
            {
                await AssertReadAsync(id);
                await AssertAdjustedAsync(id, expectedStock: RunsToPrepare + run + 1);
            }

            Assert.That((await ProductRowAsync(id))!.StockQuantity, Is.EqualTo(2 * RunsToPrepare), "every adjustment committed once");
        }
        finally
        {
            await AlterProductNameAsync("varchar(200)");
        }
    }

    private async Task<string> CreateProductSkuAsync() =>
        (await CreateProductAsync(await NewCategoryIdAsync())).GetProperty("sku").GetString()!;

    private async Task AssertReadAsync(Guid id)
    {
        using var response = await Client.GetAsync($"{V2ProductsPath}/{id}");
        var product = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(IdOf(product), Is.EqualTo(id));
    }

    private async Task AssertAdjustedAsync(Guid id, int expectedStock)
    {
        using var response = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(1));
        var product = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(product.GetProperty("stockQuantity").GetInt32(), Is.EqualTo(expectedStock));
    }

    /// <summary>As a deployment's migration would: from its own connection, outside the API's pool.</summary>
    private async Task AlterProductNameAsync(string columnType)
    {
        var connectionString = await Factory.QueryDatabaseAsync(dbContext => Task.FromResult(dbContext.Database.GetConnectionString()!));
        var migrator = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(migrator.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"ALTER TABLE catalog.\"Products\" ALTER COLUMN \"Name\" TYPE {columnType}", connection);
        await command.ExecuteNonQueryAsync();
    }
}
