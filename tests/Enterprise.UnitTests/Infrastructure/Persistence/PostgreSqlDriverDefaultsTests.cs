using Enterprise.Infrastructure.Persistence.PostgreSql;
using Npgsql;

namespace Enterprise.UnitTests.Infrastructure.Persistence;

public sealed class PostgreSqlDriverDefaultsTests
{
    [Test]
    public void A_connection_string_without_the_settings_gets_no_reset_on_close_and_prepared_statements_and_keeps_everything_else()
    {
        var shaped = new NpgsqlConnectionStringBuilder(
            PostgreSqlDatabaseProvider.WithDriverDefaults("Host=db.internal;Port=6432;Database=enterprise;Username=api;Password=secret;Maximum Pool Size=40"));

        Assert.Multiple(() =>
        {
            Assert.That(shaped.NoResetOnClose, Is.True);
            Assert.That(shaped.MaxAutoPrepare, Is.EqualTo(PostgreSqlDatabaseProvider.AutoPreparedStatements));
            Assert.That(shaped.Host, Is.EqualTo("db.internal"));
            Assert.That(shaped.Port, Is.EqualTo(6432));
            Assert.That(shaped.Database, Is.EqualTo("enterprise"));
            Assert.That(shaped.Username, Is.EqualTo("api"));
            Assert.That(shaped.Password, Is.EqualTo("secret"));
            Assert.That(shaped.MaxPoolSize, Is.EqualTo(40));
        });
    }

    [TestCase("Host=db;No Reset On Close=false")]
    [TestCase("Host=db;noresetonclose=False")]
    [TestCase("Host=db; NO RESET ON CLOSE = false")]
    public void An_operator_who_sets_the_reset_keeps_it(string connectionString)
    {
        var shaped = new NpgsqlConnectionStringBuilder(PostgreSqlDatabaseProvider.WithDriverDefaults(connectionString));

        Assert.Multiple(() =>
        {
            Assert.That(shaped.NoResetOnClose, Is.False);
            Assert.That(shaped.MaxAutoPrepare, Is.EqualTo(PostgreSqlDatabaseProvider.AutoPreparedStatements), "the other default still applies");
        });
    }

    [TestCase("Host=db;Max Auto Prepare=0", 0)]
    [TestCase("Host=db;maxautoprepare=0", 0)]
    [TestCase("Host=db; MAX AUTO PREPARE = 100", 100)]
    public void An_operator_who_sets_automatic_preparation_keeps_that_value(string connectionString, int expected)
    {
        var shaped = new NpgsqlConnectionStringBuilder(PostgreSqlDatabaseProvider.WithDriverDefaults(connectionString));

        Assert.Multiple(() =>
        {
            Assert.That(shaped.MaxAutoPrepare, Is.EqualTo(expected));
            Assert.That(shaped.NoResetOnClose, Is.True, "the other default still applies");
        });
    }
}
