using Enterprise.Infrastructure.Persistence.PostgreSql;
using Npgsql;

namespace Enterprise.UnitTests.Infrastructure.Persistence;

/// <summary>EF Core's named placeholders turned into PostgreSQL's positions, only where that is certain to mean the same.</summary>
public sealed class PositionalParametersTests
{
    [Test]
    public void Each_placeholder_becomes_the_position_of_its_parameter_wherever_it_is_used()
    {
        using var command = Command(
            """SELECT p."Id" FROM catalog."Products" AS p WHERE p."Id" = @id AND (@status IS NULL OR p."Status" = @status) LIMIT @p""",
            "@id", "@status", "@p");

        var positional = PositionalCommandText.From(command.CommandText, command.Parameters);

        Assert.That(positional.Text, Is.EqualTo("""SELECT p."Id" FROM catalog."Products" AS p WHERE p."Id" = $1 AND ($2 IS NULL OR p."Status" = $2) LIMIT $3"""));
    }

    [Test]
    public void Names_without_the_at_sign_and_in_another_case_are_found_as_Npgsql_finds_them()
    {
        using var command = Command("SELECT @Name, @__skip_0", "name", "__SKIP_0");

        Assert.That(PositionalCommandText.From(command.CommandText, command.Parameters).Text, Is.EqualTo("SELECT $1, $2"));
    }

    [Test]
    public void Literals_quoted_identifiers_and_operators_that_contain_an_at_sign_are_left_as_they_are()
    {
        using var command = Command("""SELECT 'mail@id', 'it''s @id', "col@id", tags @> @id FROM t WHERE x = @id""", "@id");

        Assert.That(
            PositionalCommandText.From(command.CommandText, command.Parameters).Text,
            Is.EqualTo("""SELECT 'mail@id', 'it''s @id', "col@id", tags @> $1 FROM t WHERE x = $1"""));
    }

    [TestCase("SELECT @id; SELECT @id", Description = "several statements: Npgsql splits them")]
    [TestCase("SELECT @id -- the id", Description = "a line comment")]
    [TestCase("SELECT /* the id */ @id", Description = "a block comment")]
    [TestCase("SELECT $$@id$$, @id", Description = "a dollar-quoted string")]
    [TestCase("SELECT $1, @id", Description = "a positional placeholder already")]
    [TestCase("SELECT E'\\'@id', @id", Description = "an escape string, where a backslash escapes the quote")]
    [TestCase("SELECT a@id, @id", Description = "a placeholder glued to a name")]
    [TestCase("SELECT @id, @other", Description = "a placeholder that names no parameter")]
    [TestCase("SELECT 'unterminated @id", Description = "an unterminated literal")]
    [TestCase("SELECT 1", Description = "a parameter that no placeholder uses")]
    public void A_text_it_cannot_rewrite_with_certainty_is_left_to_Npgsql(string sql)
    {
        using var command = Command(sql, "@id");

        var positional = PositionalCommandText.From(command.CommandText, command.Parameters);

        Assert.Multiple(() =>
        {
            Assert.That(positional.Text, Is.Null);
            Assert.That(positional.Fits(command.Parameters), Is.False);
        });
    }

    [Test]
    public void A_rewritten_text_fits_only_the_parameters_it_was_made_for_in_their_order()
    {
        using var made = Command("SELECT @a, @b", "@a", "@b");
        using var reordered = Command("SELECT @a, @b", "@b", "@a");
        using var fewer = Command("SELECT @a, @b", "@a");

        var positional = PositionalCommandText.From(made.CommandText, made.Parameters);

        Assert.Multiple(() =>
        {
            Assert.That(positional.Fits(made.Parameters), Is.True);
            Assert.That(positional.Fits(reordered.Parameters), Is.False);
            Assert.That(positional.Fits(fewer.Parameters), Is.False);
        });
    }

    [Test]
    public void A_command_gets_the_rewritten_text_with_unnamed_parameters_each_time_its_text_comes_back()
    {
        const string sql = "SELECT p.\"Name\" FROM p WHERE p.\"Id\" = @id AND p.\"Status\" = @status";

        foreach (var id in new[] { 7, 8 })
        {
            using var command = Command(sql, "@id", "@status");
            command.Parameters[0].Value = id;

            PositionalParameters.Apply(command);

            Assert.Multiple(() =>
            {
                Assert.That(command.CommandText, Is.EqualTo("SELECT p.\"Name\" FROM p WHERE p.\"Id\" = $1 AND p.\"Status\" = $2"));
                Assert.That(command.Parameters.Select(parameter => parameter.ParameterName), Is.All.Empty);
                Assert.That(command.Parameters[0].Value, Is.EqualTo(id));
            });
        }
    }

    [Test]
    public void A_command_it_cannot_rewrite_is_left_unchanged()
    {
        using var command = Command("SELECT @id; SELECT @id", "@id");

        PositionalParameters.Apply(command);

        Assert.Multiple(() =>
        {
            Assert.That(command.CommandText, Is.EqualTo("SELECT @id; SELECT @id"));
            Assert.That(command.Parameters[0].ParameterName, Is.EqualTo("@id"));
        });
    }

    private static NpgsqlCommand Command(string sql, params string[] parameterNames)
    {
        var command = new NpgsqlCommand(sql);
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new NpgsqlParameter(name, 1));
        }

        return command;
    }
}
