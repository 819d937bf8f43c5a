namespace Enterprise.Application.Common.Auditing;

/// <summary>
/// Names the resource a message or its result is about, so the audit event can say which one
/// (a command on an existing resource implements it; so does a DTO a create command returns).
/// </summary>
public interface IHasResourceId
{
    Guid ResourceId { get; }
}
