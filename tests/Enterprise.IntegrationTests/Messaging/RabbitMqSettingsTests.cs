using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Enterprise.IntegrationTests.Messaging;

/// <summary>With <c>Messaging:Transport=RabbitMq</c>, a missing or malformed broker setting stops the start with a message naming it.</summary>
public sealed class RabbitMqSettingsTests
{
    [TestCase(null, "Messaging:RabbitMq:ConnectionString (environment Messaging__RabbitMq__ConnectionString) is missing")]
    [TestCase("http://user:s3cret@localhost:5672/", "Messaging:RabbitMq:ConnectionString (environment Messaging__RabbitMq__ConnectionString) is not an AMQP URI")]
    [TestCase("localhost:5672", "is not an AMQP URI")]
    public void An_invalid_connection_string_stops_the_start_with_a_message_that_names_it_and_hides_the_password(string? connectionString, string expected)
    {
        var exception = StartWith(new Dictionary<string, string?> { ["Messaging:RabbitMq:ConnectionString"] = connectionString });

        Assert.That(exception.Message, Does.Contain(expected).And.Not.Contain("s3cret"));
    }

    [TestCase("Prefetch", "0", "Messaging:RabbitMq:Prefetch (environment Messaging__RabbitMq__Prefetch) is 0; it must be between 1 and 65535")]
    [TestCase("Prefetch", "70000", "is 70000; it must be between 1 and 65535")]
    [TestCase("RedeliveryDelay", "00:00:00", "Messaging:RabbitMq:RedeliveryDelay (environment Messaging__RabbitMq__RedeliveryDelay) is 00:00:00; it must be a positive duration")]
    [TestCase("ReconnectInterval", "-00:00:01", "Messaging:RabbitMq:ReconnectInterval (environment Messaging__RabbitMq__ReconnectInterval) is -00:00:01; it must be a positive duration")]
    [TestCase("ExchangeName", " ", "Messaging:RabbitMq:ExchangeName (environment Messaging__RabbitMq__ExchangeName) is empty")]
    [TestCase("QueuePrefix", "", "Messaging:RabbitMq:QueuePrefix (environment Messaging__RabbitMq__QueuePrefix) is empty")]
    public void An_invalid_setting_stops_the_start_with_a_message_that_names_it(string setting, string value, string expected)
    {
        var exception = StartWith(new Dictionary<string, string?>
        {
            ["Messaging:RabbitMq:ConnectionString"] = "amqp://guest:guest@127.0.0.1:5672/",
            [$"Messaging:RabbitMq:{setting}"] = value,
        });

        Assert.That(exception.Message, Does.Contain(expected));
    }

    private static OptionsValidationException StartWith(Dictionary<string, string?> settings)
    {
        settings["Messaging:Transport"] = "RabbitMq";
        using var factory = new EnterpriseApiFactory(DatabaseUnderTest.Sqlite, settings);
        return Assert.Throws<OptionsValidationException>(() => factory.CreateClient().Dispose())!;
    }
}
