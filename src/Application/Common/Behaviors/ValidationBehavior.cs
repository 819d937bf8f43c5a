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
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await ValidateAsync(validator, message, cancellationToken);
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

    /// <summary>
    /// Whether a validator of this message has asynchronous rules (MustAsync and the like). FluentValidation's
    /// asynchronous path awaits every rule and child validator through its own state machine, about 3% of a list
    /// read's CPU (docs/performance.md), while nearly every validator here is synchronous; so each runs synchronously
    /// until FluentValidation refuses, and from then on this message type's validators run asynchronously.
    /// </summary>
    private static volatile bool _validatorsNeedAsync;

    private static ValueTask<FluentValidation.Results.ValidationResult> ValidateAsync(
        IValidator<TMessage> validator, TMessage message, CancellationToken cancellationToken)
    {
        if (!_validatorsNeedAsync)
        {
            try
            {
                return new ValueTask<FluentValidation.Results.ValidationResult>(validator.Validate(new ValidationContext<TMessage>(message)));
            }
            catch (AsyncValidatorInvokedSynchronouslyException)
            {
                _validatorsNeedAsync = true;
            }
        }

        return new ValueTask<FluentValidation.Results.ValidationResult>(validator.ValidateAsync(new ValidationContext<TMessage>(message), cancellationToken));
    }
}
