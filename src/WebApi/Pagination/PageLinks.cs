using Enterprise.Application.Common.Persistence;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Enterprise.WebApi.Pagination;

/// <summary>
/// <c>Link</c> header values (RFC 8288) for list pages: the request's own absolute URL with only the paging parameters
/// changed, so filters and sort carry over to every linked page.
/// </summary>
public static class PageLinks
{
    /// <summary><c>first</c> and <c>last</c> always, <c>prev</c> and <c>next</c> where such a page exists.</summary>
    public static string ForOffsetPage<T>(HttpRequest request, PagedResult<T> page)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        var lastPage = Math.Max(1, (int)Math.Ceiling(page.TotalCount / (double)page.PageSize));
        var links = new List<string> { Link(request, "first", OffsetPage(1, page.PageSize)) };
        if (page.Page > 1)
        {
            links.Add(Link(request, "prev", OffsetPage(Math.Min(page.Page - 1, lastPage), page.PageSize)));
        }

        if (page.Page < lastPage)
        {
            links.Add(Link(request, "next", OffsetPage(page.Page + 1, page.PageSize)));
        }

        links.Add(Link(request, "last", OffsetPage(lastPage, page.PageSize)));
        return string.Join(", ", links);
    }

    /// <summary>The <c>next</c> link of a keyset page, or <see langword="null"/> on the last page.</summary>
    public static string? ForCursorPage<T>(HttpRequest request, CursorPage<T> page)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        return page.NextCursor is { } cursor ? Link(request, "next", [new(PageCursor.Field, cursor)]) : null;
    }

    private static KeyValuePair<string, string>[] OffsetPage(int page, int pageSize) =>
        [new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
         new("pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static string Link(HttpRequest request, string relation, IEnumerable<KeyValuePair<string, string>> paging)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        foreach (var (name, value) in paging)
        {
            // Query names bind case-insensitively: drop every spelling of the parameter before setting it.
            foreach (var spelling in query.Keys.Where(key => key.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                query.Remove(spelling);
            }

            query[name] = new StringValues(value);
        }

        var url = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(query));
        return $"<{url}>; rel=\"{relation}\"";
    }
}
