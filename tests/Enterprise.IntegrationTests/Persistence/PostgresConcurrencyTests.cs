using System.Net;
using System.Net.Http.Json;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Enterprise.IntegrationTests.Persistence;

/// <summary>Optimistic concurrency on PostgreSQL's own row version (xmin): a lost update is a 409, never a silent overwrite.</summary>
[TestFixture(DatabaseUnderTest.PostgreSql)]
public sealed class PostgresConcurrencyTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const int Writers = 20;

    [Test]
    [CoversEndpoint("PUT", "api/v{version:apiVersion}/products/{id:guid}")]
    public async Task Of_twenty_concurrent_updates_from_the_same_version_exactly_one_wins_and_the_rest_get_409()
    {
        var category = await CreateCategoryAsync();
        var categoryId = category.GetProperty("id").GetGuid();
        var product = await CreateProductAsync(categoryId);
        var productId = product.GetProperty("id").GetGuid();
        var sku = product.GetProperty("sku").GetString();

        // Hold the row locked (without changing it) so that every writer reads the same version,
        // then queues its UPDATE behind the lock; releasing it lets them race for real.
        await using var locker = new NpgsqlConnection(Factory.Database.ConnectionString);
        await locker.OpenAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM catalog.\"Products\" WHERE \"Id\" = @id FOR UPDATE", locker, transaction))
        {
            lockRow.Parameters.AddWithValue("id", productId);
            await lockRow.ExecuteScalarAsync();
        }

        var names = Enumerable.Range(1, Writers).Select(writer => $"Writer {writer:00} {Guid.NewGuid():N}").ToArray();
        var writes = names.Select(name => Client.PutAsJsonAsync($"/api/v1/products/{productId}", new
        {
            sku,
            name,
            description = "Concurrent write",
            price = 12.5m,
            currency = "EUR",
            stockQuantity = 3,
            categoryId,
        })).ToArray();
        await WaitForBlockedWritersAsync(Factory.Database.ConnectionString, Writers);
        await transaction.CommitAsync();
        var responses = await Task.WhenAll(writes);

        var winners = responses.Where(response => response.StatusCode == HttpStatusCode.OK).ToArray();
        Assert.That(winners, Has.Length.EqualTo(1), string.Join(", ", responses.Select(response => (int)response.StatusCode)));
        foreach (var loser in responses.Except(winners))
        {
            var problem = await loser.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Concurrency.Conflict"));
        }

        var winnerName = (await winners[0].ReadJsonAsync()).GetProperty("name").GetString();
        var stored = await Factory.QueryDatabaseAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == productId));
        Assert.Multiple(() =>
        {
            Assert.That(stored.Name, Is.EqualTo(winnerName));
            Assert.That(stored.Version, Is.EqualTo(2), "one change since creation");
        });

        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>Polls from a connection of its own: inside a transaction, pg_stat_activity is a frozen snapshot.</summary>
    private static async Task WaitForBlockedWritersAsync(string connectionString, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            connection);
        long blocked = 0;
        while (DateTime.UtcNow < deadline)
        {
            blocked = (long)(await count.ExecuteScalarAsync())!;
            if (blocked >= expected)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Only {blocked} of {expected} writers reached the locked row within 30 s.");
    }
}
