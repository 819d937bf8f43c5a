using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Enterprise.WebApi.ConditionalRequests;

/// <summary>
/// Entity tags (RFC 9110 section 8.8.3) of versioned resources. The tag is the aggregate's concurrency version in
/// quotes, e.g. <c>"3"</c>: a resource's tag changes exactly when the resource does, and the same version of two
/// resources may share a tag because a tag only ever identifies a representation of its own resource. The tag is
/// always strong; only strong tags in the canonical form map back to a version.
/// </summary>
public static class EntityTags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The versions an <c>If-Match</c> accepts: <see langword="null"/> when the header is absent or <c>*</c> (any
    /// current version); otherwise the versions its strong tags name. Strong comparison is required, so weak tags,
    /// tags this API never issues and a malformed header name no version, and the empty list is met by none.
    /// </summary>
    public static IReadOnlyCollection<long>? ExpectedVersions(StringValues ifMatch)
    {
        if (StringValues.IsNullOrEmpty(ifMatch))
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(ifMatch, out var tags))
        {
            return [];
        }

        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            // "*" is the whole field value or nothing (RFC 9110 section 13.1.1): within a list it is malformed.
            return tags.Count == 1 ? null : [];
        }

        return [.. tags.Where(tag => !tag.IsWeak).Select(tag => VersionOf(tag.Tag)).OfType<long>()];
    }

    /// <summary>
    /// Whether an <c>If-None-Match</c> names the representation of <paramref name="version"/> (or is <c>*</c>), so a
    /// GET may answer 304. RFC 9110 section 13.1.2 compares weakly here: <c>W/"3"</c> matches <c>"3"</c>.
    /// </summary>
    public static bool NoneMatchHits(StringValues ifNoneMatch, long version)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch) || !EntityTagHeaderValue.TryParseStrictList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(For(version));
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    private static long? VersionOf(StringSegment quotedTag)
    {
        var inner = quotedTag.Subsegment(1, quotedTag.Length - 2);
        return long.TryParse(inner.AsSpan(), NumberStyles.None, CultureInfo.InvariantCulture, out var version) &&
            quotedTag.Equals(For(version), StringComparison.Ordinal)
            ? version
            : null;
    }
}
