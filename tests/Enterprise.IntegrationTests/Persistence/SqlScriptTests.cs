using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enterprise.IntegrationTests.Persistence;

/// <summary>
/// The idempotent script a DBA runs for each server provider (<c>scripts/database.sh sql</c> writes the same):
/// it creates every table of the model and the migrations history, and skips each migration a database already has.
/// </summary>
public sealed class SqlScriptTests
{
    private const string HistoryTable = "__EFMigrationsHistory";

    [TestCaseSource(typeof(ServerlessContexts), nameof(ServerlessContexts.ServerProviders))]
    public void The_idempotent_script_creates_every_table_of_the_model(string provider)
    {
        using var dbContext = ServerlessContexts.Create(provider);
        var script = IdempotentScript(dbContext);
        var sql = dbContext.GetService<ISqlGenerationHelper>();
        var tables = dbContext.Model.GetEntityTypes()
            .Select(entityType => (Name: entityType.GetTableName()!, Schema: entityType.GetSchema()))
            .Distinct()
            .ToArray();

        Assert.That(tables, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (name, schema) in tables.Append((Name: HistoryTable, Schema: null)))
            {
                var table = sql.DelimitIdentifier(name, schema);
                Assert.That(script, Does.Contain($"CREATE TABLE {table}").Or.Contain($"CREATE TABLE IF NOT EXISTS {table}").Or.Match(MovedIntoSchema(sql, name, schema)), table);
            }
        });
    }

    // A table created before its module had a schema is moved into it by a later migration instead.
    private static string MovedIntoSchema(ISqlGenerationHelper sql, string name, string? schema) =>
        schema is null
            ? "(?!)"
            : Regex.Escape($"ALTER SCHEMA {sql.DelimitIdentifier(schema)} TRANSFER {sql.DelimitIdentifier(name)};") + "|" +
              Regex.Escape($"ALTER TABLE {sql.DelimitIdentifier(name)} SET SCHEMA {schema};");

    [TestCaseSource(typeof(ServerlessContexts), nameof(ServerlessContexts.ServerProviders))]
    public void The_script_creates_the_history_table_only_when_missing_and_guards_every_migration(string provider)
    {
        using var dbContext = ServerlessContexts.Create(provider);
        var script = IdempotentScript(dbContext);
        var migrations = dbContext.Database.GetMigrations().ToArray();

        Assert.That(migrations, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Match($@"IF OBJECT_ID\(N'\[{HistoryTable}\]'\) IS NULL|CREATE TABLE IF NOT EXISTS ""{HistoryTable}"""));
            foreach (var migration in migrations)
            {
                // Every statement of a migration runs only while the history does not list it.
                var guard = new Regex($@"IF NOT EXISTS\s*\(\s*SELECT [^)]*{HistoryTable}[^)]*'{migration}'\s*\)");
                Assert.That(guard.Count(script), Is.GreaterThan(1), $"{migration} is guarded");
                Assert.That(script, Does.Match($@"INSERT INTO \W?{HistoryTable}\W? \([^)]+\)\s+VALUES \(N?'{migration}'"), $"{migration} is recorded");
            }
        });
    }

    private static string IdempotentScript(DbContext dbContext) =>
        dbContext.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
}
