using Microsoft.Extensions.Options;

namespace Enterprise.Infrastructure.Messaging;

/// <summary>The <c>Messaging</c> configuration section: the transport, and how the outbox relay and the consumers retry.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>How messages travel between modules: <c>InProcess</c> (the default, no broker) or a broker.</summary>
    public string Transport { get; set; } = MessagingTransports.InProcess;

    /// <summary>Publish attempts of one outbox row before it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Attempts of one consumer on one message before the message is dead-lettered for it.</summary>
    public int ConsumerAttempts { get; set; } = 3;

    /// <summary>How often the relay looks for due outbox rows when no commit woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Outbox rows one relay claims and publishes at a time.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>The first retry delay of a failed publish; each further failure doubles it (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first delay before retrying a failed consumer; doubled (with jitter) for each further attempt.</summary>
    public TimeSpan ConsumerRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a relay owns the rows it claimed; a relay that died releases them when it runs out.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long sent outbox rows and inbox rows are kept before the retention sweep deletes them. An inbox row is what
    /// recognises a redelivered message, so this must outlast any redelivery (minutes on a broker); dead-lettered rows
    /// are never deleted.
    /// </summary>
    public TimeSpan RetainProcessedFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each instance runs the retention sweep (the first runs at start).</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the outbox backlog and the age of its oldest row are counted for the metrics, while a metrics
    /// pipeline collects them (OTLP or the Prometheus endpoint); never otherwise.
    /// </summary>
    public TimeSpan BacklogSampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>The values of <c>Messaging:Transport</c>.</summary>
public static class MessagingTransports
{
    public const string InProcess = "InProcess";
    public const string RabbitMq = "RabbitMq";
}

internal sealed class MessagingOptionsValidator(IReadOnlyCollection<string> supportedTransports) : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        if (!supportedTransports.Contains(options.Transport, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Setting(nameof(MessagingOptions.Transport))} is '{options.Transport}'; supported values are {string.Join(", ", supportedTransports)}.");
        }

        AddIfNotPositive(failures, options.MaxAttempts, nameof(MessagingOptions.MaxAttempts), "10");
        AddIfNotPositive(failures, options.ConsumerAttempts, nameof(MessagingOptions.ConsumerAttempts), "3");
        AddIfNotPositive(failures, options.BatchSize, nameof(MessagingOptions.BatchSize), "50");
        AddIfNotPositive(failures, options.PollInterval, nameof(MessagingOptions.PollInterval), "00:00:01");
        AddIfNotPositive(failures, options.RetryBaseDelay, nameof(MessagingOptions.RetryBaseDelay), "00:00:01");
        AddIfNotPositive(failures, options.ConsumerRetryBaseDelay, nameof(MessagingOptions.ConsumerRetryBaseDelay), "00:00:00.100");
        AddIfNotPositive(failures, options.LeaseDuration, nameof(MessagingOptions.LeaseDuration), "00:01:00");
        AddIfNotPositive(failures, options.RetainProcessedFor, nameof(MessagingOptions.RetainProcessedFor), "7.00:00:00");
        AddIfNotPositive(failures, options.RetentionSweepInterval, nameof(MessagingOptions.RetentionSweepInterval), "01:00:00");
        AddIfNotPositive(failures, options.BacklogSampleInterval, nameof(MessagingOptions.BacklogSampleInterval), "00:00:15");
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{Setting(nameof(MessagingOptions.RetryMaxDelay))} is {options.RetryMaxDelay}; it must be at least {nameof(MessagingOptions.RetryBaseDelay)} ({options.RetryBaseDelay}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfNotPositive(List<string> failures, int value, string setting, string example)
    {
        if (value <= 0)
        {
            failures.Add($"{Setting(setting)} is {value}; it must be a positive number such as {example}.");
        }
    }

    private static void AddIfNotPositive(List<string> failures, TimeSpan value, string setting, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Setting(setting)} is {value}; it must be a positive duration such as {example}.");
        }
    }

    private static string Setting(string name) => $"{MessagingOptions.SectionName}:{name} (environment {MessagingOptions.SectionName}__{name})";
}
