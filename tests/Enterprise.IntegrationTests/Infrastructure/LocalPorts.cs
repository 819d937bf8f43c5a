using System.Net;
using System.Net.Sockets;

namespace Enterprise.IntegrationTests.Infrastructure;

public static class LocalPorts
{
    /// <summary>A loopback port nothing listens on right now: bound, then released.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
