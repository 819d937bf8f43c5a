using System.Text.RegularExpressions;
using Enterprise.Domain.Common;

namespace Enterprise.Domain.Catalog;

/// <summary>
/// A stock-keeping unit: upper-case letters and digits in groups joined by single hyphens,
/// such as <c>BK-1042</c>. Input is trimmed and upper-cased before it is checked.
/// </summary>
public static partial class Sku
{
    public const int MinLength = 3;
    public const int MaxLength = 32;

    public static Result<string> Normalize(string? raw)
    {
        var value = raw?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return ProductErrors.SkuRequired;
        }

        if (value.Length is < MinLength or > MaxLength)
        {
            return ProductErrors.SkuLength;
        }

        return Pattern().IsMatch(value) ? value : ProductErrors.SkuFormat;
    }

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
