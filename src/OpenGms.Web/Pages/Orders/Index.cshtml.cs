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
        foreach (Guid patient in Orders.Select(o => o.PatientId).Distinct())
        {
            await OrderEndpoints.AuditAsync(audit, HttpContext, AuditAction.Search, patient, cancellationToken).ConfigureAwait(false);
        }
    }
}
