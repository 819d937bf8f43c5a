using System.Text.RegularExpressions;

namespace Enterprise.DeploymentTests;

/// <summary>
/// Every setting the documentation lists is named in the Kubernetes settings (deploy/kubernetes/base/settings.env:
/// set, or commented out at its default for an operator to change) or read from the Secret.
/// </summary>
internal static partial class SettingsCoverage
{
    public static IReadOnlyList<string> Missing(string settingsFile, IReadOnlyCollection<string> secretVariables, DocumentedSettings settings)
    {
        var named = NamedVariable().Matches(settingsFile).Select(match => match.Groups[1].Value).Concat(secretVariables).ToList();
        return [.. settings.Variables.Where(setting => !named.Any(setting.Pattern.IsMatch)).Select(setting => setting.Variable).Distinct()];
    }

    // "NAME=value" or "# NAME=default".
    [GeneratedRegex(@"^#?\s*([A-Za-z_][A-Za-z0-9_.]*)=", RegexOptions.Multiline)]
    private static partial Regex NamedVariable();
}
