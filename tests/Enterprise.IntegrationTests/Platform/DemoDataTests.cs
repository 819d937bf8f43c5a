using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.IntegrationTests.Platform;

public sealed class DemoDataTests
{
    [Test]
    public async Task Seeding_adds_demo_data_once_and_restarting_adds_nothing_more()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "enterprise-tests", $"seed-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Seed"] = "true",
            ["ConnectionStrings:Enterprise"] = $"Data Source={databasePath}",
        };
        try
        {
            (int Categories, int Products) afterFirstStart;
            using (var first = new EnterpriseApiFactory(settings: settings))
            {
                first.CreateClient().Dispose();
                afterFirstStart = await CountAsync(first);
            }

            using var restarted = new EnterpriseApiFactory(settings: settings);
            restarted.CreateClient().Dispose();

            var afterRestart = await CountAsync(restarted);
            Assert.Multiple(() =>
            {
                Assert.That(afterFirstStart.Categories, Is.GreaterThanOrEqualTo(3));
                Assert.That(afterFirstStart.Products, Is.GreaterThanOrEqualTo(5));
                Assert.That(afterRestart, Is.EqualTo(afterFirstStart));
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(databasePath);
        }
    }

    [Test]
    public async Task Without_the_seed_setting_the_database_starts_empty()
    {
        using var factory = new EnterpriseApiFactory();
        factory.CreateClient().Dispose();

        Assert.That(await CountAsync(factory), Is.EqualTo((0, 0)));
    }

    private static Task<(int Categories, int Products)> CountAsync(EnterpriseApiFactory factory) =>
        factory.QueryDatabaseAsync(async db => (
            await db.Categories.CountAsync(),
            await db.Products.CountAsync(product => product.Status == ProductStatus.Active)));
}
