namespace Enterprise.Domain.Common;

/// <summary>
/// Something that happened inside an aggregate. Aggregates raise them; the unit of work hands them to the
/// application's handlers in the same transaction, before the change is saved.
/// </summary>
public interface IDomainEvent;
