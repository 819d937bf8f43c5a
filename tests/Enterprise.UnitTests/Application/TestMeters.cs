using System.Diagnostics.Metrics;
using Moq;

namespace Enterprise.UnitTests.Application;

/// <summary>A meter factory of the test's own: its meters carry it as their scope, so a listener can tell them apart.</summary>
internal static class TestMeters
{
    public static IMeterFactory Factory()
    {
        var factory = new Mock<IMeterFactory>();
        factory.Setup(meters => meters.Create(It.IsAny<MeterOptions>())).Returns((MeterOptions options) => new Meter(options));
        return factory.Object;
    }
}
