using System.Text;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Catalog;

public sealed class ProbeTests : ApiFixture
{
    [Test]
    public async Task Probe()
    {
        var category = await CreateCategoryAsync();
        var categoryId = category.GetProperty("id").GetGuid();
        var product = await CreateProductAsync(categoryId);
        var id = product.GetProperty("id").GetGuid();
        var log = new StringBuilder();
        async Task Dump(string label, HttpRequestMessage request)
        {
            using var response = await Client.SendAsync(request);
            log.AppendLine($"### {label}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            foreach (var header in response.Headers)
            {
                log.AppendLine($"  {header.Key}: {string.Join(" | ", header.Value)}");
            }

            log.AppendLine("  " + await response.Content.ReadAsStringAsync());
        }

        HttpRequestMessage Req(HttpMethod method, string url, string? body = null, string? type = "application/json")
        {
            var request = new HttpRequestMessage(method, url);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = type is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            }

            return request;
        }

        var valid = $$"""{"sku":"ab-{{Guid.NewGuid().ToString("N")[..6]}}","name":"N","price":1,"currency":"eur","stockQuantity":1,"categoryId":"{{categoryId}}"}""";
        await Dump("get", Req(HttpMethod.Get, $"/api/v1/products/{id}"));
        await Dump("post valid", Req(HttpMethod.Post, "/api/v1/products", valid));
        await Dump("post invalid fields", Req(HttpMethod.Post, "/api/v1/products", """{"sku":"a b","name":" ","price":-1.00001,"currency":"XXX","stockQuantity":-1,"categoryId":"00000000-0000-0000-0000-000000000000","description":null}"""));
        await Dump("malformed", Req(HttpMethod.Post, "/api/v1/products", "{not json"));
        await Dump("truncated", Req(HttpMethod.Post, "/api/v1/products", valid[..20]));
        await Dump("price string", Req(HttpMethod.Post, "/api/v1/products", valid.Replace("\"price\":1", "\"price\":\"1\"", StringComparison.Ordinal)));
        await Dump("null name", Req(HttpMethod.Post, "/api/v1/products", valid.Replace("\"name\":\"N\"", "\"name\":null", StringComparison.Ordinal)));
        await Dump("missing name", Req(HttpMethod.Post, "/api/v1/products", valid.Replace("\"name\":\"N\",", "", StringComparison.Ordinal)));
        await Dump("unknown", Req(HttpMethod.Post, "/api/v1/products", valid.Replace("{", "{\"colour\":\"red\",", StringComparison.Ordinal)));
        await Dump("duplicate", Req(HttpMethod.Post, "/api/v1/products", valid.Replace("{", "{\"name\":\"X\",", StringComparison.Ordinal)));
        await Dump("empty", Req(HttpMethod.Post, "/api/v1/products", ""));
        await Dump("no body at all", Req(HttpMethod.Post, "/api/v1/products"));
        await Dump("text/plain", Req(HttpMethod.Post, "/api/v1/products", valid, "text/plain"));
        await Dump("no content type", Req(HttpMethod.Post, "/api/v1/products", valid, null));
        await Dump("put no content type", Req(HttpMethod.Put, $"/api/v1/products/{id}", valid, null));
        await Dump("non-guid", Req(HttpMethod.Get, "/api/v1/products/abc"));
        await Dump("unknown id", Req(HttpMethod.Get, $"/api/v1/products/{Guid.NewGuid()}"));
        await Dump("list page0", Req(HttpMethod.Get, "/api/v1/products?page=0&pageSize=101"));
        await Dump("list page abc", Req(HttpMethod.Get, "/api/v1/products?page=abc"));
        await Dump("list sort bad", Req(HttpMethod.Get, "/api/v1/products?sort=colour"));
        await Dump("list q long", Req(HttpMethod.Get, "/api/v1/products?q=" + new string('a', 101)));
        await Dump("list", Req(HttpMethod.Get, $"/api/v1/products?categoryId={categoryId}"));
        await Dump("stock neg", Req(HttpMethod.Post, $"/api/v1/products/{id}/stock-adjustments", """{"quantity":-6,"reason":"x"}"""));
        await Dump("stock zero", Req(HttpMethod.Post, $"/api/v1/products/{id}/stock-adjustments", """{"quantity":0,"reason":" "}"""));
        await Dump("cat dup", Req(HttpMethod.Post, "/api/v1/categories", $$"""{"name":"{{category.GetProperty("slug").GetString()}}"}"""));
        await Dump("cat blank", Req(HttpMethod.Post, "/api/v1/categories", """{"name":"  "}"""));
        await Dump("cat in use", Req(HttpMethod.Delete, $"/api/v1/categories/{categoryId}"));
        await Dump("cat list", Req(HttpMethod.Get, "/api/v1/categories?pageSize=2"));
        await Dump("v2", Req(HttpMethod.Get, "/api/v2/categories"));
        await TestContext.Out.WriteLineAsync(log.ToString());
        await File.WriteAllTextAsync("/tmp/probe.txt", log.ToString());
        Assert.Pass();
    }
}
