using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>
/// Drops the trailing zeros a fixed-scale column adds (numeric(18,4) reads 12.5 back as 12.5000), so a
/// value reads back, and serialises, exactly as it was written, whichever provider stored it.
/// </summary>
internal sealed class NormalizedDecimalConverter() : ValueConverter<decimal, decimal>(
    value => value,
    stored => stored / 1.0000000000000000000000000000m);
