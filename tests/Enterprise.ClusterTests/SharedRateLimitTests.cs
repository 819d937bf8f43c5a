using System.Net;
using Enterprise.ClusterTests.Infrastructure;

namespace Enterprise.ClusterTests;

/// <summary>The write budget is kept in Redis: however many instances answer one caller, together they grant one budget.</summary>
public sealed class SharedRateLimitTests : ClusterFixture
{
    [Test]
    public async Task Writes_of_one_caller_spread_over_every_instance_are_granted_exactly_one_budget()
    {
        var budget = Cluster.WriteBudget;
        var token = Token(NewSubject("budget"), ClusterTokens.CatalogWriteScope);
        var balancer = ClientFor(Cluster.Balancer);
        var prefix = $"Budget {Guid.NewGuid():N}";

        // One after the other: nginx's round robin then alternates the instances, so each gets its share of the
        // budget's requests and of the refused ones, whatever the timing.
        var responses = new List<HttpStatusCode>();
        for (var index = 0; index < budget * 3; index++)
        {
            using var response = await SendAsync(balancer, HttpMethod.Post, CategoriesPath, token, new { name = $"{prefix} {index}" });
            responses.Add(response.StatusCode);
        }

        // nginx writes a request's access-log line after its response has gone out: wait for the last one.
        await SettledAsync("the balancer's log of every request", () => Task.FromResult(BalancerLines().Count >= budget * 3));
        var lines = BalancerLines();
        var instancesThatGranted = lines.Where(line => line.Status == 201).Select(line => line.AnsweredBy).Distinct().ToArray();
        var instancesThatRefused = lines.Where(line => line.Status == 429).Select(line => line.AnsweredBy).Distinct().ToArray();
        var storedCategories = await QueryAsync(
            """SELECT count(*)::int FROM catalog."Categories" WHERE starts_with("Name", @prefix)""",
            async reader => await reader.ReadAsync() ? reader.GetInt32(0) : 0,
            ("prefix", prefix));
        var everyInstance = Cluster.Instances.Select(instance => instance.UpstreamAddress).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(responses.Count(status => status == HttpStatusCode.Created), Is.EqualTo(budget), "granted: one budget, not one per instance");
            Assert.That(responses.Count(status => status == HttpStatusCode.TooManyRequests), Is.EqualTo(budget * 2), "refused: the rest");
            Assert.That(storedCategories, Is.EqualTo(budget), "one category per granted write, none for a refused one");
            Assert.That(lines, Has.Count.EqualTo(budget * 3), "the balancer logged every request");
            Assert.That(instancesThatGranted, Is.EquivalentTo(everyInstance), "every instance granted part of the budget");
            Assert.That(instancesThatRefused, Is.EquivalentTo(everyInstance), "every instance refused once the shared budget was spent, having granted less than a budget itself");
        });
    }
}
