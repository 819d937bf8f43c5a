using System.Text.RegularExpressions;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Enterprise.Client;

/// <summary>
/// The response headers that carry part of the API's contract beside the body: the <c>ETag</c> that a write sends back
/// in <c>If-Match</c>, and the <c>Link rel="next"</c> URL of a list's next page. The generated methods answer the body
/// only, so pass <see cref="Inspect{TQueryParameters}"/> as (or inside) a call's request configuration and read the
/// headers here once the call returned. Each <see cref="Inspect{TQueryParameters}"/> starts afresh: the properties
/// describe the last call it was given to. It relies on Kiota's <c>HeadersInspectionHandler</c>, which the HttpClient
/// of <c>KiotaClientFactory.Create()</c> (and <c>KiotaClientFactory.CreateDefaultHandlers()</c>) includes.
/// </summary>
public sealed partial class ResponseHeaders
{
    private HeadersInspectionHandlerOption _inspection = new();

    /// <summary>The response's entity tag, quotes included, ready for <c>If-Match</c>; null when it had none.</summary>
    public string? ETag => ValueOf("ETag");

    /// <summary>The URL of the next page of a list, to request as given; null on the last page.</summary>
    public Uri? NextPage =>
        Values("Link").Select(value => NextLink().Match(value)).FirstOrDefault(match => match.Success) is { } next
            ? new Uri(next.Groups["url"].Value, UriKind.RelativeOrAbsolute)
            : null;

    /// <summary>Asks for the response headers of the call <paramref name="configuration"/> configures.</summary>
    public void Inspect<TQueryParameters>(RequestConfiguration<TQueryParameters> configuration)
        where TQueryParameters : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _inspection = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        configuration.Options.Add(_inspection);
    }

    /// <summary>Every value of the response header <paramref name="name"/> (any casing); empty when it was absent.</summary>
    public IEnumerable<string> Values(string name) =>
        _inspection.ResponseHeaders.TryGetValue(name, out var values) ? values : [];

    /// <summary>The one value of the response header <paramref name="name"/>; null when it was absent.</summary>
    public string? ValueOf(string name) => Values(name).SingleOrDefault();

    /// <summary>One link of a <c>Link</c> header (RFC 8288) whose relation is <c>next</c>; several may share a header.</summary>
    [GeneratedRegex("""<(?<url>[^>]*)>\s*;\s*rel="?next"?(?=\s*(?:[;,]|$))""", RegexOptions.CultureInvariant)]
    private static partial Regex NextLink();
}
