using OpenGms.Orders.Domain;
using OpenGms.Orders.Domain.Lifecycle;
using OpenGms.Orders.Domain.Routing;

namespace OpenGms.Orders.Application;

/// <summary>A search of orders; every criterion is optional.</summary>
/// <param name="RequestedBy">Orders placed by this user.</param>
/// <param name="GlhCode">Orders routed to this GLH.</param>
/// <param name="Statuses">Orders in one of these statuses.</param>
/// <param name="PatientId">Orders for this patient.</param>
/// <param name="Limit">At most this many, newest first.</param>
public sealed record OrderQuery(string? RequestedBy = null, string? GlhCode = null, IReadOnlyList<OrderStatus>? Statuses = null, Guid? PatientId = null, int Limit = 200);

/// <summary>The orders module's persistence port (EF Core in Infrastructure).</summary>
public interface IOrderStore
{
    /// <summary>Adds a new order with its first history line (and samples).</summary>
    Task AddAsync(Order order, StatusChange placed, CancellationToken cancellationToken);

    /// <summary>The order with its samples, tracked for change; null when unknown.</summary>
    Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Orders matching <paramref name="query"/>, newest first, with samples.</summary>
    Task<IReadOnlyList<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken);

    /// <summary>The order's history, oldest first.</summary>
    Task<IReadOnlyList<StatusChange>> HistoryAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>The moments orders entered <paramref name="status"/>, by order (first time only).</summary>
    Task<IReadOnlyDictionary<Guid, DateTimeOffset>> EnteredAsync(OrderStatus status, CancellationToken cancellationToken);

    /// <summary>Saves changes to a tracked order, appending <paramref name="change"/>; false when someone else changed it first.</summary>
    Task<bool> SaveAsync(Order order, StatusChange? change, CancellationToken cancellationToken);
}

/// <summary>Where the routing table is kept.</summary>
public interface IRoutingStore
{
    /// <summary>The current table (empty when none was loaded).</summary>
    Task<RoutingTable> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the whole table in one transaction.</summary>
    Task ReplaceAsync(RoutingTable table, CancellationToken cancellationToken);
}
