namespace Enterprise.Domain.Common;

/// <summary>
/// Normalises instants to UTC with microsecond precision, the finest every supported database keeps,
/// so a value reads back exactly as it was written.
/// </summary>
public static class UtcTimestamp
{
    public static DateTime From(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        return new DateTime(utcTicks - (utcTicks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }
}
