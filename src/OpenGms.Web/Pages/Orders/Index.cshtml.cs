using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;
using OpenGms.Orders.Application;
using OpenGms.Orders.Contracts;
using OpenGms.Web.Api;

namespace OpenGms.Web.Pages.Orders;

/// <summary>The signed-in clinician's orders, newest first.</summary>
internal sealed class IndexModel(OrderService orders, IAuditLog audit) : PageModel
{
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Orders = await orders.ListAsync(new OrderQuery(RequestedBy: User.Identity?.Name ?? string.Empty, Limit: 200), cancellationToken).ConfigureAwait(false);
        await OrderEndpoints.AuditListAsync(audit, HttpContext, Orders, cancellationToken).ConfigureAwait(false);
    }
}
