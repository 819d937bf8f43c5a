using Enterprise.Infrastructure.Persistence.PostgreSql;
using Enterprise.Infrastructure.Persistence.Sqlite;
using Enterprise.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Enterprise.UnitTests.Infrastructure.Persistence;

/// <summary>
/// The check <c>scripts/database.sh drift</c> makes with <c>dotnet ef</c>, in process: each provider's migrations
/// capture the whole model. It needs no server (the contexts are only built, never opened), so a model change without a
/// migration fails the unit tests in seconds, and the template stage (scripts/templates.sh) proves a new module's
/// migrations without three more tool runs.
/// </summary>
public sealed class MigrationsMatchModelTests
{
    private static readonly IEnumerable<TestCaseData> Providers =
    [
        Provider("Sqlite", new SqliteDesignTimeDbContextFactory()),
        Provider("SqlServer", new SqlServerDesignTimeDbContextFactory()),
        Provider("PostgreSql", new PostgreSqlDesignTimeDbContextFactory()),
    ];

    [TestCaseSource(nameof(Providers))]
    public void The_migrations_capture_every_change_to_the_model(Func<DbContext> createContext)
    {
        using var context = createContext();

        Assert.That(
            context.Database.HasPendingModelChanges(),
            Is.False,
            $"{context.GetType().Name}'s model has changes that no migration captures: add one for every provider with scripts/database.sh add NAME");
    }

    // The design-time factories are the ones `dotnet ef` uses, so this builds each context exactly as the tool does.
    private static TestCaseData Provider<TContext>(string name, IDesignTimeDbContextFactory<TContext> factory)
        where TContext : DbContext =>
        new TestCaseData(new Func<DbContext>(() => factory.CreateDbContext([]))).SetArgDisplayNames(name);
}
