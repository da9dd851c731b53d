using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Orders.Application;
using OpenGms.Orders.Contracts;

namespace OpenGms.Web.Pages.Orders;

/// <summary>The service dashboard: orders by status and GLH, turnaround per GLH and test. Counts only, no patient data.</summary>
internal sealed class DashboardModel(OrderService orders) : PageModel
{
    public IReadOnlyList<(string Status, int Count)> ByStatus { get; private set; } = [];

    public IReadOnlyList<(string Glh, int Count)> ByGlh { get; private set; } = [];

    public IReadOnlyList<TurnaroundView> Turnaround { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<OrderView> all = await orders.ListAsync(new OrderQuery(Limit: 100_000), cancellationToken).ConfigureAwait(false);
        ByStatus = all.GroupBy(o => o.Status).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ToList();
        ByGlh = all.GroupBy(o => o.GlhCode).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ToList();
        Turnaround = await orders.TurnaroundAsync(cancellationToken).ConfigureAwait(false);
    }
}
