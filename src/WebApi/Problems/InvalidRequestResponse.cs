using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Enterprise.WebApi.Problems;

/// <summary>
/// Turns binding failures (malformed JSON, wrong types, unknown or missing members, bad query values)
/// into a 400 problem listing each field, in words a caller can act on and without .NET type names.
/// </summary>
internal static partial class InvalidRequestResponse
{
    public const string BodyKey = "body";

    public static ActionResult Create(ActionContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            errors[FieldName(key)] = [.. entry.Errors.Select(Describe).Distinct(StringComparer.Ordinal)];
        }

        return ProblemFactory.InvalidFields(
            context.HttpContext,
            errors,
            "Request.Invalid",
            "The request could not be read. See the errors member for each invalid field.").ToActionResult();
    }

    /// <summary>A 400 for a document that is valid JSON but not a valid body (for example a merge-patched one).</summary>
    public static ActionResult ForJsonError(ActionContext context, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        context.ModelState.AddModelError(exception.Path ?? "$", DescribeJsonError(exception.Message));
        return Create(context);
    }

    /// <summary>JSON paths ("$.price") become member names ("price"); the body as a whole is "body".</summary>
    private static string FieldName(string key)
    {
        var field = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        return field is "" or "$" ? BodyKey : field;
    }

    private static string Describe(ModelError error)
    {
        if (error.Exception is JsonException json)
        {
            return DescribeJsonError(json.Message);
        }

        return string.IsNullOrEmpty(error.ErrorMessage) ? "The value is not valid." : error.ErrorMessage;
    }

    private static string DescribeJsonError(string message)
    {
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = QuotedNames().Matches(message[message.IndexOf("including:", StringComparison.Ordinal)..])
                .Select(match => $"'{match.Groups[1].Value}'");
            return $"Required members are missing: {string.Join(", ", names)}.";
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return $"Unknown member {QuotedNames().Match(message).Value}; remove it.";
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "A member appears more than once.";
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("doesn't allow", StringComparison.Ordinal))
        {
            return "The value must not be null.";
        }

        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return "The value has the wrong JSON type or is out of range.";
        }

        return "The body is not valid JSON.";
    }

    [GeneratedRegex("'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedNames();
}
