using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Messaging.RabbitMq;

/// <summary>The <c>Messaging:RabbitMq</c> configuration section, used when <c>Messaging:Transport</c> is <c>RabbitMq</c>.</summary>
internal sealed class RabbitMqOptions
{
    public const string SectionName = "Messaging:RabbitMq";

    /// <summary>An AMQP URI such as <c>amqp://user:password@host:5672/vhost</c> (<c>amqps://</c> for TLS).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The durable topic exchange every integration event is published to, with its event name as routing key.</summary>
    public string ExchangeName { get; set; } = "enterprise.events";

    /// <summary>Each consuming module's queue is named <c>{QueuePrefix}.{module}</c>, its dead-letter queue <c>{QueuePrefix}.{module}.dead-letter</c>.</summary>
    public string QueuePrefix { get; set; } = "enterprise";

    /// <summary>How many unacknowledged messages the broker sends each module's consumer ahead of its acknowledgements.</summary>
    public int Prefetch { get; set; } = 16;

    /// <summary>How long a message whose processing failed (for example, the database was down) waits before it goes back to its queue.</summary>
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an unreachable broker is tried again, at start and after a lost connection.</summary>
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(5);
}

internal sealed class RabbitMqOptionsValidator : IValidateOptions<RabbitMqOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        var failures = new List<string>();
        // The URI is never quoted back: it usually holds a password.
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add(Describe(nameof(RabbitMqOptions.ConnectionString), "is missing; it must be an AMQP URI such as amqp://user:password@localhost:5672/"));
        }
        else if (!Uri.TryCreate(options.ConnectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || string.IsNullOrEmpty(uri.Host))
        {
            failures.Add(Describe(nameof(RabbitMqOptions.ConnectionString), "is not an AMQP URI; it must look like amqp://user:password@localhost:5672/ (amqps:// for TLS)"));
        }

        AddIfBlank(failures, options.ExchangeName, nameof(RabbitMqOptions.ExchangeName));
        AddIfBlank(failures, options.QueuePrefix, nameof(RabbitMqOptions.QueuePrefix));
        if (options.Prefetch is < 1 or > ushort.MaxValue)
        {
            failures.Add(Describe(nameof(RabbitMqOptions.Prefetch), $"is {options.Prefetch}; it must be between 1 and {ushort.MaxValue}"));
        }

        AddIfNotPositive(failures, options.RedeliveryDelay, nameof(RabbitMqOptions.RedeliveryDelay), "00:00:05");
        AddIfNotPositive(failures, options.ReconnectInterval, nameof(RabbitMqOptions.ReconnectInterval), "00:00:05");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfBlank(List<string> failures, string value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(Describe(setting, "is empty"));
        }
    }

    private static void AddIfNotPositive(List<string> failures, TimeSpan value, string setting, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add(Describe(setting, $"is {value}; it must be a positive duration such as {example}"));
        }
    }

    private static string Describe(string setting, string problem) =>
        $"{RabbitMqOptions.SectionName}:{setting} (environment {RabbitMqOptions.SectionName.Replace(":", "__", StringComparison.Ordinal)}__{setting}) {problem}.";
}
