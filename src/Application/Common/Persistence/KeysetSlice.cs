namespace Enterprise.Application.Common.Persistence;

/// <summary>Up to a page's worth of items read after a keyset position, and whether more follow them.</summary>
public sealed record KeysetSlice<T>(IReadOnlyList<T> Items, bool HasMore);

/// <summary>One keyset page as use cases return it: the items and the cursor of the page after it (null on the last).</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);
