using Enterprise.Domain.Common;

namespace Enterprise.UnitTests.Domain;

public sealed class UtcTimestampTests
{
    [Test]
    public void From_converts_to_utc_and_drops_ticks_finer_than_a_microsecond()
    {
        var timestamp = UtcTimestamp.From(TestData.Now);

        Assert.Multiple(() =>
        {
            Assert.That(timestamp, Is.EqualTo(TestData.NowUtc));
            Assert.That(timestamp.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(timestamp.Ticks % TimeSpan.TicksPerMicrosecond, Is.Zero);
        });
    }

    [TestCase(0)]
    [TestCase(9)]
    public void From_truncates_rather_than_rounds(int extraTicks)
    {
        var instant = new DateTimeOffset(2025, 1, 1, 0, 0, 0, 0, 1, TimeSpan.Zero).AddTicks(extraTicks);

        var timestamp = UtcTimestamp.From(instant);

        Assert.That(timestamp, Is.EqualTo(new DateTime(2025, 1, 1, 0, 0, 0, 0, 1, DateTimeKind.Utc)));
    }

    [Test]
    public void From_gives_the_same_timestamp_for_the_same_instant_in_any_offset()
    {
        var utc = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var pacific = utc.ToOffset(TimeSpan.FromHours(-7));

        Assert.That(UtcTimestamp.From(pacific), Is.EqualTo(UtcTimestamp.From(utc)));
    }
}
