using Enterprise.WebApi.Health;

namespace Enterprise.UnitTests.WebApi;

public sealed class ContainerHealthCheckTests
{
    [TestCase(null, "http://127.0.0.1:8080/health/live")]
    [TestCase("", "http://127.0.0.1:8080/health/live")]
    [TestCase("5080", "http://127.0.0.1:5080/health/live")]
    [TestCase("8080;8081", "http://127.0.0.1:8080/health/live")]
    [TestCase(" 9000 , 9001", "http://127.0.0.1:9000/health/live")]
    public void The_check_asks_liveness_on_the_first_HTTP_port(string? httpPorts, string expected) =>
        Assert.That(ContainerHealthCheck.LiveUri(httpPorts), Is.EqualTo(new Uri(expected)));

    [TestCase("http")]
    [TestCase("0")]
    [TestCase("70000")]
    public void A_port_that_is_no_port_is_refused_with_the_variable_named(string httpPorts) =>
        Assert.That(() => ContainerHealthCheck.LiveUri(httpPorts), Throws.ArgumentException.With.Message.Contains("ASPNETCORE_HTTP_PORTS"));
}
