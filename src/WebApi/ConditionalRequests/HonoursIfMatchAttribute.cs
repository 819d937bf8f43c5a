namespace Enterprise.WebApi.ConditionalRequests;

/// <summary>
/// Marks a write that may be made conditional: with <c>If-Match</c> it happens only if the resource still has a
/// version the header names (412 otherwise, and nothing is written); without it the write is unconditional. The use
/// case checks the condition; this tells the API documents, which show the header as optional and the 412. A write
/// that must be conditional has <see cref="RequiresIfMatchAttribute"/> instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HonoursIfMatchAttribute : Attribute;
