using System.Globalization;
using System.Text;
using Enterprise.Domain.Common;

namespace Enterprise.Domain.Catalog;

/// <summary>A group of products. Its slug is derived from the name and is unique, which also makes names unique regardless of case and accents.</summary>
public sealed class Category : AggregateRoot
{
    public const int NameMaxLength = 100;

    private Category(Guid id, string name, string slug)
        : base(id)
    {
        Name = name;
        Slug = slug;
    }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    /// <summary>Set when the category is deleted; the row stays so archived products keep their reference.</summary>
    public DateTime? DeletedAt { get; private set; }

    public static Result<Category> Create(string? name, DateTimeOffset now)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return CategoryErrors.NameRequired;
        }

        if (trimmed.Length > NameMaxLength)
        {
            return CategoryErrors.NameTooLong;
        }

        if (ControlCharacters.In(trimmed))
        {
            return CategoryErrors.NameControlCharacters;
        }

        var slug = ToSlug(trimmed);
        if (slug.Length == 0)
        {
            return CategoryErrors.NameWithoutLettersOrDigits;
        }

        return new Category(Guid.CreateVersion7(now), trimmed, slug);
    }

    public void Delete(DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            return;
        }

        DeletedAt = UtcTimestamp.From(now);
        IncrementVersion();
    }

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens; accents are dropped ("Café Bar" becomes "cafe-bar").</summary>
    public static string ToSlug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new StringBuilder(name.Length);
        var pendingHyphen = false;
        foreach (var character in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(character))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(char.ToLowerInvariant(character));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return slug.ToString();
    }
}
