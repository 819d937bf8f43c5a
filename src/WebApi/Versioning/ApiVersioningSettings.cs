using System.Globalization;
using Asp.Versioning;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Enterprise.WebApi.Versioning;

/// <summary>
/// The <c>ApiVersioning</c> configuration section. Deprecations live here rather than in <c>[ApiVersion(..., Deprecated = true)]</c>
/// attributes, so announcing a deprecation or moving a sunset is a deployment, not a code change.
/// </summary>
public sealed class ApiVersioningSettings
{
    public const string SectionName = "ApiVersioning";

    /// <summary>Deprecated API versions keyed by version (<c>ApiVersioning:Deprecations:1</c>).</summary>
    public Dictionary<string, ApiVersionDeprecationSettings> Deprecations { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// One deprecated version as configured, as text: dates are read in UTC unless they carry an offset, so the headers do not
/// depend on the server's time zone. An entry whose values are all empty is withdrawn (a configuration layer cannot delete a key).
/// </summary>
public sealed class ApiVersionDeprecationSettings
{
    /// <summary>Since when (or from when) the version is deprecated: <c>2026-12-01</c> or <c>2026-12-01T00:00:00Z</c>. Required.</summary>
    public string? Date { get; set; }

    /// <summary>When the version stops being served; after <see cref="Date"/>. Optional.</summary>
    public string? Sunset { get; set; }

    /// <summary>The migration notes: an absolute http(s) URL or a root-relative path on this API. Optional.</summary>
    public string? Link { get; set; }

    /// <summary>The media type of what <see cref="Link"/> points at; <c>text/html</c> when not set.</summary>
    public string? LinkType { get; set; }

    internal bool IsWithdrawn => new[] { Date, Sunset, Link, LinkType }.All(string.IsNullOrWhiteSpace);
}

/// <summary>A validated deprecation: what the response headers, the API description and the OpenAPI documents announce.</summary>
public sealed record ApiVersionDeprecation(ApiVersion Version, DateTimeOffset Date, DateTimeOffset? Sunset, Uri? Link, string LinkType)
{
    public const string DefaultLinkType = "text/html";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK"];

    /// <summary>The deprecations <paramref name="settings"/> declare; each problem found is added to <paramref name="failures"/>.</summary>
    internal static List<ApiVersionDeprecation> Parse(ApiVersioningSettings settings, List<string> failures)
    {
        var deprecations = new List<ApiVersionDeprecation>();
        foreach (var (key, entry) in settings.Deprecations.Where(pair => !pair.Value.IsWithdrawn).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var setting = $"{ApiVersioningSettings.SectionName}:Deprecations:{key}";
            var before = failures.Count;
            if (!ApiVersionParser.Default.TryParse(key, out var version) || version is null)
            {
                failures.Add($"{setting} (environment {Environment(setting)}) names '{key}', which is not an API version such as 1 or 2.0.");
            }

            var date = ParseDate(entry.Date, $"{setting}:Date", required: true, failures);
            var sunset = ParseDate(entry.Sunset, $"{setting}:Sunset", required: false, failures);
            if (date is { } since && sunset is { } end && end <= since)
            {
                failures.Add($"{setting}:Sunset ({end:yyyy-MM-dd'T'HH:mm:ssZ}) must be after {setting}:Date ({since:yyyy-MM-dd'T'HH:mm:ssZ}): a version is deprecated before it is withdrawn.");
            }

            var link = ParseLink(entry.Link, $"{setting}:Link", failures);
            var linkType = string.IsNullOrWhiteSpace(entry.LinkType) ? DefaultLinkType : entry.LinkType.Trim();
            if (!MediaTypeHeaderValue.TryParse(linkType, out _))
            {
                failures.Add($"{setting}:LinkType (environment {Environment(setting + ":LinkType")}) is '{linkType}', which is not a media type such as text/html.");
            }

            if (failures.Count == before)
            {
                deprecations.Add(new ApiVersionDeprecation(version!, date!.Value, sunset, link, linkType));
            }
        }

        var duplicates = deprecations.GroupBy(deprecation => deprecation.Version).Where(group => group.Count() > 1).Select(group => group.Key);
        failures.AddRange(duplicates.Select(version =>
            $"{ApiVersioningSettings.SectionName}:Deprecations names version {version} more than once (for example as 1 and 1.0); keep one entry."));
        return deprecations;
    }

    private static DateTimeOffset? ParseDate(string? value, string setting, bool required, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                failures.Add($"{setting} (environment {Environment(setting)}) is missing: a deprecation needs the date it takes effect, e.g. 2026-12-01.");
            }

            return null;
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        failures.Add($"{setting} (environment {Environment(setting)}) is '{value}'; expected a date such as 2026-12-01 (UTC) or a timestamp such as 2026-12-01T00:00:00Z.");
        return null;
    }

    private static Uri? ParseLink(string? value, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        // Checked before the absolute form: on Unix "/docs/x" is also an absolute file: URI.
        var isRootRelative = text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal);
        if (isRootRelative && Uri.TryCreate(text, UriKind.Relative, out var relative))
        {
            return relative;
        }

        if (!isRootRelative && Uri.TryCreate(text, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
        {
            return absolute;
        }

        failures.Add($"{setting} (environment {Environment(setting)}) is '{value}'; expected an absolute http(s) URL or a root-relative path such as /docs/versioning.md.");
        return null;
    }

    private static string Environment(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);
}

internal sealed class ApiVersioningSettingsValidator : IValidateOptions<ApiVersioningSettings>
{
    public ValidateOptionsResult Validate(string? name, ApiVersioningSettings options)
    {
        var failures = new List<string>();
        ApiVersionDeprecation.Parse(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
