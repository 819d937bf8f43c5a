using Enterprise.Domain.Common;
using FluentValidation;

namespace Enterprise.Application.Common.Validation;

public static class DomainRuleExtensions
{
    /// <summary>
    /// Checks a value with the domain's own rule and reports the domain's error, so a limit or
    /// format is defined once, in the domain, and the validator only surfaces it early and per field.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> SatisfiesDomainRule<T, TProperty, TValue>(
        this IRuleBuilder<T, TProperty> ruleBuilder,
        Func<TProperty, Result<TValue>> domainRule)
    {
        ArgumentNullException.ThrowIfNull(ruleBuilder);
        ArgumentNullException.ThrowIfNull(domainRule);
        return ruleBuilder.Custom((value, context) =>
        {
            var outcome = domainRule(value);
            if (!outcome.IsSuccess)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, outcome.Error.Description)
                {
                    ErrorCode = outcome.Error.Code,
                });
            }
        });
    }
}
