using System.Text.Json;
using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Common;
using FluentValidation;
using Mediator;

namespace Enterprise.Application.Common.Behaviors;

/// <summary>Runs every FluentValidation validator of the message; any failure short-circuits as a <see cref="ValidationErrors"/> result.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailable<TResponse>
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        // Most queries have no validator: hand on without a state machine or a copy of the (empty) list.
        return validators is IValidator<TMessage>[] { Length: 0 }
            ? next(message, cancellationToken)
            : ValidateThenHandleAsync(message, next, cancellationToken);
    }

    private async ValueTask<TResponse> ValidateThenHandleAsync(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var context = new ValidationContext<TMessage>(message);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var errors = failures
            .GroupBy(failure => JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
        return TResponse.Failure(new ValidationErrors(errors));
    }
}
