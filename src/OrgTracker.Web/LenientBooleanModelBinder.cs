using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OrgTracker.Web;

/// <summary>
/// Binds checkboxes (bool) from what browsers send ("true"/"false", "on") and treats anything else as unchecked.
/// The framework's own binder records such a value as invalid and then fails to render the checkbox again
/// (FormatException, a server error); here the form simply shows the box unchecked.
/// </summary>
public sealed class LenientBooleanModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new LenientBooleanModelBinder() : null;
}

public sealed class LenientBooleanModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;
        var text = result.FirstValue?.Trim();
        if (string.IsNullOrEmpty(text) && context.ModelMetadata.IsNullableValueType)
        {
            context.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        var value = text?.ToLowerInvariant() is "true" or "on" or "1" or "yes";
        context.ModelState.SetModelValue(context.ModelName, new ValueProviderResult(value ? "true" : "false"));
        context.Result = ModelBindingResult.Success(value);
        return Task.CompletedTask;
    }
}
