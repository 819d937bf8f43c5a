using Enterprise.Domain.Catalog;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Enterprise.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Stores a decimal with at most <see cref="Money.MaxDecimalPlaces"/> places as an integer count of
/// ten-thousandths: exact, and ordered and compared correctly by SQLite.
/// </summary>
internal sealed class ScaledDecimalConverter() : ValueConverter<decimal, long>(
    value => (long)(value * Scale),
    stored => stored / Scale / 1.0000000000000000000000000000m)
{
    private const decimal Scale = 10_000m;
}
