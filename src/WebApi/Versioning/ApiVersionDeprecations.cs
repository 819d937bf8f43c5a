using System.Globalization;
using Asp.Versioning;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Versioning;

/// <summary>The deprecations configuration declares, parsed once (reading the options validates them).</summary>
public sealed class ApiVersionDeprecations(IOptions<ApiVersioningSettings> settings)
{
    public IReadOnlyList<ApiVersionDeprecation> All { get; } = ApiVersionDeprecation.Parse(settings.Value, failures: []);

    public ApiVersionDeprecation? For(ApiVersion version) => All.FirstOrDefault(deprecation => deprecation.Version == version);

    /// <summary>The deprecation of the version an OpenAPI document (<c>v1</c>, the API Explorer group name) describes.</summary>
    public ApiVersionDeprecation? ForDocument(string documentName) =>
        All.FirstOrDefault(deprecation => string.Equals(DocumentName(deprecation.Version), documentName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The API Explorer group name of <paramref name="version"/>: the same <c>'v'VVV</c> format as <c>GroupNameFormat</c>.</summary>
    public static string DocumentName(ApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.ToString(ApiVersioningSetup.GroupNameFormat, CultureInfo.InvariantCulture);
    }
}
