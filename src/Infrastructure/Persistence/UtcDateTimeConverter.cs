using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>Marks values read from the database as UTC, which is how the domain writes them.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value,
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
