using Enterprise.Infrastructure.Persistence.PostgreSql;
using Npgsql;

namespace Enterprise.UnitTests.Infrastructure.Persistence;

public sealed class PostgreSqlConnectionResetTests
{
    [Test]
    public void A_connection_string_without_the_setting_gets_no_reset_on_close_and_keeps_everything_else()
    {
        var shaped = new NpgsqlConnectionStringBuilder(
            PostgreSqlDatabaseProvider.WithoutResetOnClose("Host=db.internal;Port=6432;Database=enterprise;Username=api;Password=secret;Maximum Pool Size=40"));

        Assert.Multiple(() =>
        {
            Assert.That(shaped.NoResetOnClose, Is.True);
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
    public void An_operator_who_sets_it_keeps_the_reset(string connectionString)
    {
        var shaped = PostgreSqlDatabaseProvider.WithoutResetOnClose(connectionString);

        Assert.That(new NpgsqlConnectionStringBuilder(shaped).NoResetOnClose, Is.False);
    }
}
