using System.Text.RegularExpressions;

namespace Enterprise.DeploymentTests;

/// <summary>
/// The application's settings as the documentation lists them: every markdown table with an "Environment variable"
/// column (README's Configuration and Authentication tables, docs/operations.md's). A placeholder such as
/// <c>&lt;Namespace&gt;</c>, <c>&lt;n&gt;</c>, <c>*</c> or <c>...</c> stands for any name.
/// </summary>
internal sealed partial class DocumentedSettings
{
    private const string EnvironmentColumn = "Environment variable";

    private DocumentedSettings(IReadOnlyList<Regex> all, IReadOnlyList<(string Variable, Regex Pattern)> variables)
    {
        All = all;
        Variables = variables;
    }

    /// <summary>Every name a setting may be given by: the environment variables and the settings themselves (<c>:</c> as <c>__</c>).</summary>
    public IReadOnlyList<Regex> All { get; }

    /// <summary>The environment variables the tables list, each with the pattern of the names it stands for.</summary>
    public IReadOnlyList<(string Variable, Regex Pattern)> Variables { get; }

    public static DocumentedSettings Read() =>
        Parse(RepositoryTree.Read("README.md"), RepositoryTree.Read("docs", "operations.md"));

    public static DocumentedSettings Parse(params string[] markdownDocuments)
    {
        var all = new List<Regex>();
        var variables = new List<(string, Regex)>();
        foreach (var markdown in markdownDocuments)
        {
            int? settingColumn = null, environmentColumn = null;
            foreach (var line in markdown.Split('\n'))
            {
                if (!line.StartsWith('|'))
                {
                    settingColumn = environmentColumn = null;
                    continue;
                }

                var cells = line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList();
                if (environmentColumn is null)
                {
                    // A table's header row: only tables of settings count.
                    var index = cells.IndexOf(EnvironmentColumn);
                    environmentColumn = index >= 0 ? index : -1;
                    settingColumn = cells.IndexOf("Setting");
                    continue;
                }

                if (environmentColumn < 0 || cells.Count <= environmentColumn || cells[0].StartsWith("---", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var variable in Names(cells[environmentColumn.Value]))
                {
                    var pattern = Pattern(variable);
                    variables.Add((variable, pattern));
                    all.Add(pattern);
                }

                if (settingColumn >= 0)
                {
                    all.AddRange(Names(cells[settingColumn.Value]).Select(setting => Pattern(setting.Replace(":", "__", StringComparison.Ordinal))));
                }
            }
        }

        return new DocumentedSettings(all, variables);
    }

    public bool Documents(string variable) => All.Any(pattern => pattern.IsMatch(variable));

    // `Cors__AllowedOrigins__0`, `__1`, ...: the continuations that start with "__" are not names of their own.
    private static IEnumerable<string> Names(string cell) =>
        Code().Matches(cell).Select(match => match.Groups[1].Value).Where(name => !name.StartsWith("__", StringComparison.Ordinal));

    private static Regex Pattern(string name)
    {
        var pattern = Regex.Escape(name);
        pattern = Placeholder().Replace(pattern, "[A-Za-z0-9_.]+");
        pattern = pattern.Replace(@"\*", ".+", StringComparison.Ordinal).Replace(@"\.\.\.", ".+", StringComparison.Ordinal);
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Placeholder();
}
