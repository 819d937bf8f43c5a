using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Enterprise.WebApi.Hardening;

/// <summary>
/// Behind a load balancer or reverse proxy every connection comes from the proxy, so per-client rate limits and logs
/// would see one address. With <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR ranges) set, the client address and scheme are taken from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, only when the connection comes from one of them and only from the last hop (the entry the
/// proxy itself wrote; what a client put in the header before it is never trusted). Unset, the headers are ignored and
/// the middleware is not added.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string SectionName = "ForwardedHeaders";
    private const string KnownProxiesSetting = SectionName + ":KnownProxies";
    private const string KnownNetworksSetting = SectionName + ":KnownNetworks";

    public static IServiceCollection AddForwardedHeadersFromSettings(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                options.ForwardLimit = 1;
                // The framework trusts loopback by default; only what the operator lists is trusted here.
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in Values(configuration, KnownProxiesSetting))
                {
                    if (IPAddress.TryParse(proxy, out var address))
                    {
                        options.KnownProxies.Add(address);
                    }
                }

                foreach (var network in Values(configuration, KnownNetworksSetting))
                {
                    if (System.Net.IPNetwork.TryParse(network, out var parsed))
                    {
                        options.KnownIPNetworks.Add(parsed);
                    }
                }
            })
            .Validate<IConfiguration>(
                (_, configuration) => Values(configuration, KnownProxiesSetting).All(IsAddress),
                $"{KnownProxiesSetting} must list IP addresses, e.g. 10.0.0.5.")
            .Validate<IConfiguration>(
                (_, configuration) => Values(configuration, KnownNetworksSetting).All(IsNetwork),
                $"{KnownNetworksSetting} must list CIDR ranges, e.g. 10.0.0.0/8.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Outermost, so that HTTPS redirection, rate limits and logs all see the client, not the proxy.</summary>
    public static WebApplication UseForwardedHeadersFromSettings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static bool IsAddress(string value) => IPAddress.TryParse(value, out var _);

    private static bool IsNetwork(string value) => System.Net.IPNetwork.TryParse(value, out var _);

    private static string[] Values(IConfiguration configuration, string key) =>
        configuration.GetSection(key).Get<string[]>() ?? [];
}
