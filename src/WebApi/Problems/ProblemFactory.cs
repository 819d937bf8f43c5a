using System.Diagnostics;
using Enterprise.Application.Common.Security;
using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Common;
using Enterprise.WebApi.Logging;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Enterprise.WebApi.Problems;

/// <summary>
/// The one way a problem response (RFC 9457) is made, whatever failed: an expected <see cref="Error"/> of a use case,
/// a request the pipeline refuses (a missing header, an unreadable body, a rate limit), an exception, or a failure the
/// framework raises by itself (no route, no token). Every problem gets its members here and only here: the
/// <c>type</c> of its status, a title, the stable <c>code</c>, <c>instance</c>, <c>traceId</c> and the request's
/// correlation id. Controllers and filters answer with <see cref="ToActionResult"/>; middleware and exception
/// handlers with <see cref="WriteAsync"/>.
/// </summary>
public static class ProblemFactory
{
    public const string MediaType = "application/problem+json";

    /// <summary>The extension member that carries the stable, machine-readable code of the problem.</summary>
    public const string CodeMember = "code";

    /// <summary>The status of each kind of expected failure.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unmapped error kind."),
    };

    /// <summary>
    /// The problem for an expected failure: its status from its kind, its code and description; a validation failure
    /// lists the invalid fields under <c>errors</c>, as does an unprocessable one that names the field at fault, and a
    /// 401 names the scheme to authenticate with (RFC 9110).
    /// </summary>
    public static ProblemDetails FromError(HttpContext httpContext, Error error)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(error);
        var status = StatusOf(error.Kind);
        if (error.Kind == ErrorKind.Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = JwtBearerDefaults.AuthenticationScheme;
        }

        if (error is { Kind: ErrorKind.Unprocessable, Field: { } unprocessableField })
        {
            // Titled by its status, not with the validation title the errors' constructor gives.
            return FieldsProblem(
                httpContext,
                status,
                new Dictionary<string, string[]> { [unprocessableField] = [error.Description] },
                error.Code,
                error.Description,
                ReasonPhrases.GetReasonPhrase(status));
        }

        if (error.Kind != ErrorKind.Validation)
        {
            return Create(httpContext, status, error.Code, error.Description);
        }

        var errors = error switch
        {
            ValidationErrors validation => validation.Errors.ToDictionary(),
            { Field: { } field } => new Dictionary<string, string[]> { [field] = [error.Description] },
            _ => [],
        };
        var detail = error is ValidationErrors ? "See the errors member for each invalid field." : error.Description;
        return InvalidFields(httpContext, errors, error.Code, detail);
    }

    /// <summary>
    /// A problem the pipeline decides. A <see langword="null"/> code is the one the framework's own problems of the status
    /// carry; the title defaults to the status's reason phrase.
    /// </summary>
    public static ProblemDetails Create(HttpContext httpContext, int statusCode, string? code, string detail, string? title = null)
    {
        var problem = new ProblemDetails { Status = statusCode, Title = title, Detail = detail };
        Complete(httpContext, problem, code);
        return problem;
    }

    /// <summary>A 400 whose <c>errors</c> member lists the messages for each invalid field.</summary>
    public static HttpValidationProblemDetails InvalidFields(
        HttpContext httpContext, IDictionary<string, string[]> errors, string code, string detail) =>
        // The errors' own constructor titles the problem "One or more validation errors occurred.".
        FieldsProblem(httpContext, StatusCodes.Status400BadRequest, errors, code, detail, title: null);

    /// <summary>The problem as an MVC result, for controllers and filters.</summary>
    public static ObjectResult ToActionResult(this ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new ObjectResult(problem)
        {
            StatusCode = problem.Status,
            ContentTypes = { MediaType },
        };
    }

    /// <summary>
    /// Writes a problem (<see cref="Create"/>) from middleware or an exception handler, through the problem-details
    /// writers so the request's <c>Accept</c> is honoured; <see langword="false"/> when no writer would.
    /// </summary>
    public static ValueTask<bool> WriteAsync(HttpContext httpContext, int statusCode, string? code, string detail, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = statusCode;
        return httpContext.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = Create(httpContext, statusCode, code, detail, title),
        });
    }

    /// <summary>
    /// Completes problems the framework made itself (status-code pages, MVC's client errors, authentication) and those
    /// written again by a writer: the members it lacks, the code of its status, and the request's ids.
    /// </summary>
    internal static void Complete(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Complete(context.HttpContext, context.ProblemDetails, code: null);
    }

    private static void Complete(HttpContext httpContext, ProblemDetails problem, string? code)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var status = problem.Status ??= httpContext.Response.StatusCode;
        problem.Type ??= ProblemTypes.For(status);
        // Untitled problems (428 and others MVC does not map) get the status's standard reason phrase.
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        code ??= problem.Extensions.ContainsKey(CodeMember) ? null : FrameworkCode(status);
        if (code is not null)
        {
            problem.Extensions[CodeMember] = code;
            problem.Detail ??= FrameworkDetail(status);
        }

        problem.Instance ??= httpContext.Request.Path;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        if (CorrelationIdMiddleware.Current(httpContext) is { } correlationId)
        {
            problem.Extensions["correlationId"] = correlationId;
        }
    }

    /// <summary>Codes for the problems the framework itself raises, so every problem carries one.</summary>
    private static string? FrameworkCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Request.Invalid",
        StatusCodes.Status401Unauthorized => AuthorizationErrors.UnauthenticatedCode,
        StatusCodes.Status403Forbidden => AuthorizationErrors.ForbiddenCode,
        StatusCodes.Status404NotFound => "Route.NotFound",
        StatusCodes.Status405MethodNotAllowed => "Route.MethodNotAllowed",
        StatusCodes.Status406NotAcceptable => "Request.NotAcceptable",
        StatusCodes.Status413PayloadTooLarge => "Request.TooLarge",
        StatusCodes.Status415UnsupportedMediaType => "Request.UnsupportedMediaType",
        StatusCodes.Status500InternalServerError => "Server.Unexpected",
        _ => null,
    };

    private static string? FrameworkDetail(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => AuthorizationErrors.Unauthenticated.Description,
        StatusCodes.Status403Forbidden => "The token does not grant what this request needs.",
        StatusCodes.Status404NotFound => "No resource exists at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not support the request's method.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        _ => null,
    };

    private static HttpValidationProblemDetails FieldsProblem(
        HttpContext httpContext, int status, IDictionary<string, string[]> errors, string code, string detail, string? title)
    {
        var problem = new HttpValidationProblemDetails(errors) { Status = status, Detail = detail };
        if (title is not null)
        {
            problem.Title = title;
        }

        Complete(httpContext, problem, code);
        return problem;
    }
}
