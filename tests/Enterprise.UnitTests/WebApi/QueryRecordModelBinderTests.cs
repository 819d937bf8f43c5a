using System.Globalization;
using System.Reflection;
using Enterprise.WebApi.Catalog;
using Enterprise.WebApi.ModelBinding;
using Enterprise.WebApi.Ordering.V2;
using Enterprise.WebApi.Pagination;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.UnitTests.WebApi;

/// <summary>
/// <see cref="QueryRecordModelBinder"/> against MVC's own complex-object binder, each in its own MVC container, on the
/// same query strings: the same record and the same model state (keys, attempted values, error messages) every time.
/// </summary>
public sealed class QueryRecordModelBinderTests
{
    private static readonly string SomeGuid = Guid.CreateVersion7().ToString();

    private static readonly string[] Queries =
    [
        "", "limit=5", "limit=abc", "limit=", "limit=%20", "limit=2147483648", "limit=1.5", "limit=0x10", "limit=%2012%20", "limit=5&limit=6",
        "cursor=abc", "cursor=", "page=3&pageSize=7", "page=abc&pageSize=", "status=archived", "status=Archived", "status=deleted", "status=99",
        "status=", "status=1", $"categoryId={SomeGuid}", "categoryId=not-a-guid", $"categoryId=%20{SomeGuid}%20", "categoryId=", "minPrice=1.5&maxPrice=abc",
        "minPrice=1e400", "minPrice=1,5", "maxPrice=%00", "q=%00", "q=", "q=%20%20", "q=shoe&sort=-name", "sort=name,-price", "customerId=alice",
        "selection.status=archived", "paging.limit=5&limit=6", "Limit=8", "LIMIT=9&STATUS=ARCHIVED", "unknown=1",
    ];

    private static readonly (string Name, MethodInfo Action)[] Actions =
    [
        ("v2 products", typeof(Enterprise.WebApi.Catalog.V2.ProductsController).GetMethod(nameof(Enterprise.WebApi.Catalog.V2.ProductsController.List))!),
        ("v1 products", typeof(Enterprise.WebApi.Catalog.V1.ProductsController).GetMethod(nameof(Enterprise.WebApi.Catalog.V1.ProductsController.List))!),
        ("v2 orders", typeof(OrdersController).GetMethod(nameof(OrdersController.List))!),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from action in Actions
        from parameter in action.Action.GetParameters()
        where parameter.ParameterType != typeof(CancellationToken)
        from query in Queries
        select new TestCaseData(parameter, query).SetName($"{action.Name} {parameter.Name} ?{query}");

    [TestCaseSource(nameof(Cases))]
    public async Task Binds_the_same_record_and_model_state_as_mvcs_own_binder(ParameterInfo parameter, string query)
    {
        var ours = await BindAsync(Mvc(withQueryRecordBinder: true), parameter, query);
        var mvcs = await BindAsync(Mvc(withQueryRecordBinder: false), parameter, query);

        Assert.Multiple(() =>
        {
            Assert.That(ours.BinderType, Is.EqualTo(typeof(QueryRecordModelBinder)));
            Assert.That(mvcs.BinderType, Is.Not.EqualTo(typeof(QueryRecordModelBinder)));
            Assert.That(ours.IsModelSet, Is.EqualTo(mvcs.IsModelSet));
            Assert.That(ours.Model, Is.EqualTo(mvcs.Model));
            Assert.That(ours.ModelState, Is.EqualTo(mvcs.ModelState));
        });
    }

    [Test]
    public void Every_list_parameter_record_of_the_api_gets_the_query_record_binder()
    {
        var services = Mvc(withQueryRecordBinder: true);
        var records = new[] { typeof(ProductListParameters), typeof(CursorPageParameters), typeof(OffsetPageParameters), typeof(OrderListParameters) };
        var bound = Actions.SelectMany(action => action.Action.GetParameters()).Select(parameter => parameter.ParameterType).Distinct();

        Assert.Multiple(() =>
        {
            Assert.That(bound.Where(type => type != typeof(CancellationToken)), Is.EquivalentTo(records));
            foreach (var parameter in Actions.SelectMany(action => action.Action.GetParameters()).Where(parameter => records.Contains(parameter.ParameterType)))
            {
                Assert.That(BinderFor(services, parameter), Is.TypeOf<QueryRecordModelBinder>(), parameter.ParameterType.Name);
            }
        });
    }

    [Test]
    public void A_record_from_the_body_or_one_with_a_property_from_elsewhere_keeps_mvcs_binder()
    {
        var services = Mvc(withQueryRecordBinder: true);
        var action = typeof(IBindingSamples).GetMethod(nameof(IBindingSamples.Act))!;

        Assert.Multiple(() =>
        {
            foreach (var parameter in action.GetParameters())
            {
                Assert.That(BinderFor(services, parameter), Is.Not.TypeOf<QueryRecordModelBinder>(), parameter.Name);
            }
        });
    }

    private static ServiceProvider Mvc(bool withQueryRecordBinder)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddControllers(options =>
        {
            if (withQueryRecordBinder)
            {
                options.ModelBinderProviders.Insert(0, new QueryRecordModelBinderProvider());
            }
        });
        return services.BuildServiceProvider();
    }

    private static IModelBinder BinderFor(IServiceProvider services, ParameterInfo parameter)
    {
        var metadata = ((ModelMetadataProvider)services.GetRequiredService<IModelMetadataProvider>()).GetMetadataForParameter(parameter);
        return services.GetRequiredService<IModelBinderFactory>().CreateBinder(new ModelBinderFactoryContext
        {
            Metadata = metadata,
            BindingInfo = BindingInfo.GetBindingInfo(parameter.GetCustomAttributes(), metadata),
            CacheToken = parameter,
        });
    }

    private static async Task<Bound> BindAsync(IServiceProvider services, ParameterInfo parameter, string query)
    {
        var metadata = ((ModelMetadataProvider)services.GetRequiredService<IModelMetadataProvider>()).GetMetadataForParameter(parameter);
        var httpContext = new DefaultHttpContext { RequestServices = services };
        httpContext.Request.QueryString = new QueryString(query.Length == 0 ? "" : "?" + query);
        var actionContext = new ActionContext(httpContext, new RouteData(), new ControllerActionDescriptor());
        var descriptor = new ControllerParameterDescriptor
        {
            Name = parameter.Name!,
            ParameterType = parameter.ParameterType,
            ParameterInfo = parameter,
            BindingInfo = BindingInfo.GetBindingInfo(parameter.GetCustomAttributes(), metadata),
        };
        var binder = BinderFor(services, parameter);
        var valueProvider = new QueryStringValueProvider(BindingSource.Query, httpContext.Request.Query, CultureInfo.InvariantCulture);

        var result = await services.GetRequiredService<ParameterBinder>()
            .BindModelAsync(actionContext, binder, valueProvider, descriptor, metadata, value: null, container: null);

        var modelState = actionContext.ModelState
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => $"{entry.Key}={entry.Value!.AttemptedValue} [{entry.Value.ValidationState}] {string.Join(" | ", entry.Value.Errors.Select(error => error.ErrorMessage))}")
            .ToArray();
        return new Bound(binder.GetType(), result.IsModelSet, result.Model, modelState);
    }

    private sealed record Bound(Type BinderType, bool IsModelSet, object? Model, string[] ModelState);

    /// <summary>Parameters the query record binder must leave to MVC.</summary>
    private interface IBindingSamples
    {
        void Act([FromBody] CursorPageParameters body, [FromQuery] WithRouteValue mixed, [FromQuery] WithList list);
    }

    private sealed record WithRouteValue
    {
        [FromQuery(Name = "limit")]
        public int Limit { get; init; }

        [FromRoute(Name = "id")]
        public Guid Id { get; init; }
    }

    private sealed record WithList
    {
        [FromQuery(Name = "ids")]
        public Guid[] Ids { get; init; } = [];
    }
}
