using System.Globalization;

namespace Enterprise.Application.Catalog.Categories;

/// <summary>The cache keys of category results: one method per key, for the query that caches and the commands that invalidate.</summary>
internal static class CategoryCacheKeys
{
    /// <summary>
    /// A category by id (<see cref="GetCategoryQuery"/>). The number names the shape of the cached
    /// <see cref="CategoryDto"/>: raise it when the DTO changes, so that builds of different shapes never read each other's entries.
    /// </summary>
    public static string ById(Guid categoryId) => string.Create(CultureInfo.InvariantCulture, $"enterprise:category:1:{categoryId:N}");
}
