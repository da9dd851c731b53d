using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Application;
using OpenGms.Orders.Contracts;
using OpenGms.Orders.Domain.Lifecycle;
using OpenGms.Web.Api;

namespace OpenGms.Web.Pages.Orders;

/// <summary>One order: what was asked, eligibility, routing, samples, history, and the moves the user may make.</summary>
internal sealed class OrderModel(OrderService orders, IAuditLog audit) : PageModel
{
    public OrderView? Order { get; private set; }

    public IReadOnlyList<OrderStatus> Next { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken).ConfigureAwait(false);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string to, string? reason, CancellationToken cancellationToken)
    {
        if (!OrderNames.TryParseStatus(to, out OrderStatus status))
        {
            Problem = $"'{to}' is not a status.";
            return await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        }

        if (await OrderEndpoints.OutsideGlhAsync(id, orders, User, cancellationToken).ConfigureAwait(false) is not null)
        {
            // Another GLH's order: the page load below refuses it and writes the Denied line.
            return await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        }

        Result<OrderView> moved = await orders.TransitionAsync(id, new TransitionRequest(status, null, reason), OrderEndpoints.ActorOf(User), cancellationToken).ConfigureAwait(false);
        if (!moved.IsSuccess)
        {
            Problem = $"{moved.Error.Code}: {moved.Error.Message}";
            return await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        }

        await OrderEndpoints.AuditAsync(audit, HttpContext, AuditAction.Update, moved.Value.PatientId, cancellationToken).ConfigureAwait(false);
        return Redirect($"/orders/{id}");
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Result<OrderView> order = await orders.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (!order.IsSuccess)
        {
            return NotFound();
        }

        if (!OrderEndpoints.MaySee(User, order.Value))
        {
            await OrderEndpoints.AuditAsync(audit, HttpContext, AuditAction.Denied, order.Value.PatientId, cancellationToken).ConfigureAwait(false);
            return Forbid();
        }

        await OrderEndpoints.AuditAsync(audit, HttpContext, AuditAction.Read, order.Value.PatientId, cancellationToken).ConfigureAwait(false);
        Order = order.Value;
        Next = OrderService.NextFor(order.Value, OrderEndpoints.ActorOf(User));
        return Page();
    }
}
