namespace Enterprise.WebApi.OpenApi;

/// <summary>
/// Declares the problem responses an action's own use case can answer (404, 409, ...), each documented by
/// <see cref="ProblemResponsesConvention"/> as <c>application/problem+json</c> like those of the pipeline.
/// </summary>
/// <param name="statusCodes">The status codes of the use case's failures.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesProblemsAttribute(params int[] statusCodes) : Attribute
{
    public IReadOnlyList<int> StatusCodes { get; } = statusCodes;
}
