using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enterprise.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// Sends EF Core's commands with positional placeholders (<c>$1</c>), the only kind PostgreSQL knows. EF Core names its
/// parameters (<c>@id</c>), so Npgsql parses every command's text and builds a rewritten copy of it on each execution
/// (npgsql/efcore.pg#1923): about 1.6 KB and a parse per query. Here each distinct text is rewritten once and the copy
/// reused; with unnamed parameters Npgsql sends the text as it is. A text that cannot be rewritten with certainty is left
/// to Npgsql unchanged (see <see cref="PositionalCommandText.From"/>).
/// </summary>
/// <remarks>
/// EF Core makes every command through <see cref="PositionalCommandBuilderFactory"/>'s builders, so the rewrite needs no
/// command interceptor: with one registered, EF Core builds an event-data object for each of a command's seven events
/// and calls the interceptor for each (about 1.4% of a list's CPU, docs/performance.md).
/// </remarks>
internal static class PositionalParameters
{
    // Keyed by the text's instance: EF Core reuses one string per cached query, so a hit costs no hashing of the SQL, and
    // texts built per call (raw SQL) are dropped with their string. Reads take no lock. Shared by every context and host:
    // a text's rewrite depends on nothing but the text and its parameters' names, which Fits checks for each command.
    private static readonly ConditionalWeakTable<string, PositionalCommandText> Texts = new();

    /// <summary>Gives <paramref name="command"/> its positional text and unnamed parameters, when the rewrite is certain.</summary>
    public static void Apply(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameters = command.Parameters;
        if (parameters.Count == 0)
        {
            return;
        }

        var text = command.CommandText;
        if (!Texts.TryGetValue(text, out var positional))
        {
            positional = PositionalCommandText.From(text, parameters);
            Texts.AddOrUpdate(text, positional);
        }

        if (positional.Fits(parameters))
        {
            command.CommandText = positional.Text!;
            for (var index = 0; index < parameters.Count; index++)
            {
                parameters[index].ParameterName = string.Empty;
            }
        }
    }
}

/// <summary>EF Core's command builders for PostgreSQL, whose commands go out with positional placeholders (<see cref="PositionalParameters"/>).</summary>
internal sealed class PositionalCommandBuilderFactory(RelationalCommandBuilderDependencies dependencies)
    : RelationalCommandBuilderFactory(dependencies)
{
    public override IRelationalCommandBuilder Create() => new Builder(Dependencies);

    private sealed class Builder(RelationalCommandBuilderDependencies dependencies) : RelationalCommandBuilder(dependencies)
    {
        public override IRelationalCommand Build()
        {
            var command = base.Build();
            return new PositionalCommand(Dependencies, command.CommandText, command.LogCommandText, command.Parameters);
        }
    }

    private sealed class PositionalCommand(
        RelationalCommandBuilderDependencies dependencies, string commandText, string logCommandText, IReadOnlyList<IRelationalParameter> parameters)
        : RelationalCommand(dependencies, commandText, logCommandText, parameters)
    {
        public override DbCommand CreateDbCommand(RelationalCommandParameterObject parameterObject, Guid commandId, DbCommandMethod commandMethod)
        {
            var command = base.CreateDbCommand(parameterObject, commandId, commandMethod);
            PositionalParameters.Apply(command);
            return command;
        }
    }
}

/// <summary>A command text with its named placeholders replaced by positions in the parameter list it was made for.</summary>
internal sealed class PositionalCommandText
{
    private static readonly PositionalCommandText Unchanged = new(null, []);

    private readonly string[] _parameterNames;

    private PositionalCommandText(string? text, string[] parameterNames)
    {
        Text = text;
        _parameterNames = parameterNames;
    }

    /// <summary>The rewritten text; null when the text is left to Npgsql.</summary>
    public string? Text { get; }

    /// <summary>Whether a command's parameters are, in order, the ones this text was rewritten for.</summary>
    public bool Fits(DbParameterCollection parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (Text is null || parameters.Count != _parameterNames.Length)
        {
            return false;
        }

        for (var index = 0; index < _parameterNames.Length; index++)
        {
            if (!string.Equals(parameters[index].ParameterName, _parameterNames[index], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Replaces each <c>@name</c> with <c>$n</c>, n being the named parameter's place in <paramref name="parameters"/>.
    /// Left unchanged (as Npgsql's own parser would need to handle them): several statements, comments, dollar quotes,
    /// escape strings, positional placeholders already there, a placeholder glued to a name, a placeholder that names no
    /// parameter, or a parameter that no placeholder uses (PostgreSQL refuses surplus positional values).
    /// </summary>
    public static PositionalCommandText From(string text, DbParameterCollection parameters)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parameters);
        var names = new string[parameters.Count];
        var positions = new Dictionary<string, int>(names.Length, StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < names.Length; index++)
        {
            names[index] = parameters[index].ParameterName;
            var name = names[index].StartsWith('@') ? names[index][1..] : names[index];
            if (name.Length == 0 || !positions.TryAdd(name, index + 1))
            {
                return Unchanged;
            }
        }

        var used = new bool[names.Length];
        var rewritten = new System.Text.StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var character = text[position];
            switch (character)
            {
                case '\'' or '"':
                    // A string literal or a quoted identifier, copied whole; a doubled quote inside escapes itself.
                    var end = text.IndexOf(character, position + 1);
                    while (end >= 0 && end + 1 < text.Length && text[end + 1] == character)
                    {
                        end = text.IndexOf(character, end + 2);
                    }

                    if (end < 0 || (character == '\'' && IsEscapeStringPrefix(text, position)))
                    {
                        return Unchanged;
                    }

                    rewritten.Append(text, position, end + 1 - position);
                    position = end + 1;
                    continue;
                case ';' or '$':
                    return Unchanged;
                case '-' when Next(text, position) == '-':
                    return Unchanged;
                case '/' when Next(text, position) == '*':
                    return Unchanged;
                case '@' when IsNameStart(Next(text, position)):
                    if (position > 0 && IsNamePart(text[position - 1]))
                    {
                        // "a@b": not EF Core's; whether a placeholder or an operator is for Npgsql to say.
                        return Unchanged;
                    }

                    var nameEnd = position + 1;
                    while (nameEnd < text.Length && IsNamePart(text[nameEnd]))
                    {
                        nameEnd++;
                    }

                    if (!positions.TryGetValue(text[(position + 1)..nameEnd], out var parameterPosition))
                    {
                        return Unchanged;
                    }

                    used[parameterPosition - 1] = true;
                    rewritten.Append('$').Append(parameterPosition);
                    position = nameEnd;
                    continue;
            }

            rewritten.Append(character);
            position++;
        }

        return Array.TrueForAll(used, isUsed => isUsed) ? new PositionalCommandText(rewritten.ToString(), names) : Unchanged;
    }

    private static char Next(string text, int position) => position + 1 < text.Length ? text[position + 1] : '\0';

    private static bool IsNameStart(char character) => char.IsAsciiLetter(character) || character == '_';

    private static bool IsNamePart(char character) => char.IsAsciiLetterOrDigit(character) || character == '_';

    // E'...' takes backslash escapes, which the scan above does not follow.
    private static bool IsEscapeStringPrefix(string text, int quote) =>
        quote > 0 && text[quote - 1] is 'E' or 'e' && (quote == 1 || !IsNamePart(text[quote - 2]));
}
