using OpenGms.Kernel;
using OpenGms.Orders.Contracts;
using OpenGms.Orders.Domain.Lifecycle;

namespace OpenGms.Orders.Application;

/// <summary><see cref="IOrderWorkflow"/> over <see cref="OrderService"/>.</summary>
internal sealed class OrderWorkflow(OrderService orders) : IOrderWorkflow
{
    public Task<Result<OrderView>> GetAsync(Guid orderId, CancellationToken cancellationToken) => orders.GetAsync(orderId, cancellationToken);

    public async Task<Result<OrderView>> MoveAsync(Guid orderId, string toStatus, string userName, IReadOnlyCollection<string> roles, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!OrderNames.TryParseStatus(toStatus, out OrderStatus to))
        {
            return Error.BadInput("ORD019", $"'{toStatus}' is not an order status.");
        }

        var parsed = new List<OrderRole>();
        foreach (string name in roles)
        {
            if (OrderNames.TryParseRole(name, out OrderRole role))
            {
                parsed.Add(role);
            }
        }

        return await orders.TransitionAsync(orderId, new TransitionRequest(to, null, reason), new OrderActor(userName, parsed), cancellationToken).ConfigureAwait(false);
    }
}
