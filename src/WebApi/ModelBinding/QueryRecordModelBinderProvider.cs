using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Enterprise.WebApi.ModelBinding;

/// <summary>
/// Gives <see cref="QueryRecordModelBinder"/> to an action parameter that is a <c>[FromQuery]</c> record of simple
/// values (the list and page parameters); every other model keeps MVC's own binders.
/// </summary>
/// <remarks>
/// Only the binding changes: model metadata, and so ApiExplorer and the OpenAPI documents, stay MVC's. A record qualifies
/// when MVC would bind it property by property: a public parameterless constructor, and properties that are all read
/// from the query string, settable, simple (not collections or nested objects) and neither required nor excluded.
/// </remarks>
public sealed class QueryRecordModelBinderProvider : IModelBinderProvider
{
    /// <inheritdoc />
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Metadata;
        if (metadata.MetadataKind != ModelMetadataKind.Parameter
            || !metadata.IsComplexType
            || metadata.IsEnumerableType
            || context.BindingInfo.BindingSource != BindingSource.Query
            || context.BindingInfo.PropertyFilterProvider is not null
            || metadata.ModelType.GetConstructor(Type.EmptyTypes) is not { } constructor
            || metadata.Properties.Count == 0
            || !metadata.Properties.All(IsSimpleQueryValue))
        {
            return null;
        }

        // Compiled once per parameter type, at the first request to its action, never per request.
        var create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(constructor), typeof(object))).Compile();
        var properties = metadata.Properties
            .Select(property => new QueryRecordModelBinder.Property(property, property.BinderModelName ?? property.PropertyName!, context.CreateBinder(property)))
            .ToArray();
        return new QueryRecordModelBinder(create, properties);
    }

    private static bool IsSimpleQueryValue(ModelMetadata property) =>
        property.BindingSource == BindingSource.Query
        && !property.IsComplexType
        && !property.IsEnumerableType
        && property.PropertySetter is not null
        && property.IsBindingAllowed
        && !property.IsBindingRequired
        && property.PropertyName is not null;
}
