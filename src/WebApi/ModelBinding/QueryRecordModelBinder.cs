using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Enterprise.WebApi.ModelBinding;

/// <summary>
/// Binds a <c>[FromQuery]</c> record of simple values as MVC's complex-object binder does, with the same property
/// binders, model state keys and error messages, but visiting only the properties the query string carries.
/// </summary>
/// <remarks>
/// MVC's binder enters a nested binding scope and runs a property's binder for every property, present or not: for a
/// list's eight parameters, of which a request usually sends one or two, that was most of the 2% of a list's CPU that
/// model binding took (docs/performance.md). A property the query string lacks keeps its initializer's value, as
/// before. Made by <see cref="QueryRecordModelBinderProvider"/>.
/// </remarks>
public sealed class QueryRecordModelBinder : IModelBinder
{
    private readonly Func<object> _create;
    private readonly Property[] _properties;

    /// <param name="create">Makes the record with its defaults.</param>
    /// <param name="properties">Every property, with its query key and MVC's binder for it.</param>
    public QueryRecordModelBinder(Func<object> create, Property[] properties)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(properties);
        _create = create;
        _properties = properties;
    }

    /// <inheritdoc />
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var model = _create();
        foreach (var property in _properties)
        {
            var key = ModelNames.CreatePropertyModelName(bindingContext.ModelName, property.FieldName);
            if (bindingContext.ValueProvider.GetValue(key) == ValueProviderResult.None)
            {
                continue;
            }

            ModelBindingResult result;
            using (bindingContext.EnterNestedScope(property.Metadata, property.FieldName, key, model: null))
            {
                // MVC's simple-value binders finish at once, so this method completes without allocating.
                await property.Binder.BindModelAsync(bindingContext);
                result = bindingContext.Result;
            }

            if (result.IsModelSet)
            {
                property.Metadata.PropertySetter!(model, result.Model);
            }
        }

        bindingContext.Result = ModelBindingResult.Success(model);
    }

    /// <summary>One of the record's properties.</summary>
    /// <param name="Metadata">MVC's metadata of the property.</param>
    /// <param name="FieldName">Its name in the query string.</param>
    /// <param name="Binder">MVC's binder for it.</param>
    public sealed record Property(ModelMetadata Metadata, string FieldName, IModelBinder Binder);
}
