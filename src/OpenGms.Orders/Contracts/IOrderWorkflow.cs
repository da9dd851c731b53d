using OpenGms.Kernel;

namespace OpenGms.Orders.Contracts;

/// <summary>
/// What other modules (case review) may do with an order: read it and move it through the lifecycle. The lifecycle's
/// role rules apply exactly as they do for a user of the orders API.
/// </summary>
public interface IOrderWorkflow
{
    /// <summary>One order with its history, or ORD008.</summary>
    Task<Result<OrderView>> GetAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an order to <paramref name="toStatus"/> (a status name such as <c>analysis</c>) on behalf of
    /// <paramref name="userName"/> holding <paramref name="roles"/> (role names such as <c>glh-scientist</c>).
    /// </summary>
    Task<Result<OrderView>> MoveAsync(Guid orderId, string toStatus, string userName, IReadOnlyCollection<string> roles, string? reason, CancellationToken cancellationToken);
}
