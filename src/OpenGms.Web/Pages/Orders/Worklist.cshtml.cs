using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Application;
using OpenGms.Orders.Application.Routing;
using OpenGms.Orders.Contracts;
using OpenGms.Orders.Domain.Lifecycle;
using OpenGms.Orders.Domain.Routing;
using Microsoft.AspNetCore.Http;
using OpenGms.Web.Api;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Pages.Orders;

/// <summary>A GLH's worklist: open orders by status, with the moves the user may make and sample booking.</summary>
internal sealed class WorklistModel(OrderService orders, RoutingService routing, IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Glh { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyCollection<OpenGms.Orders.Domain.Routing.Glh> Glhs { get; private set; } = [];

    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public string? Problem { get; private set; }

    public OrderActor Actor => OrderEndpoints.ActorOf(User);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string to, CancellationToken cancellationToken)
    {
        if (await RefuseOutsideGlhAsync(id, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        Result<OrderView> result = OrderNames.TryParseStatus(to, out OrderStatus status)
            ? await orders.TransitionAsync(id, new TransitionRequest(status, null, null), Actor, cancellationToken).ConfigureAwait(false)
            : Error.BadInput("ORD019", $"'{to}' is not a status.");
        return await AfterChangeAsync(result, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostSampleAsync(Guid id, string specimenId, string typeCode, CancellationToken cancellationToken)
    {
        string display = typeCode switch
        {
            "445295009" => "Blood specimen with EDTA",
            "258580003" => "Whole blood sample",
            "119342007" => "Saliva specimen",
            _ => typeCode,
        };
        if (await RefuseOutsideGlhAsync(id, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        Result<OrderView> result = await orders.AttachSampleAsync(id, new NewSample(specimenId, typeCode, display, null, Received: true), Actor, cancellationToken).ConfigureAwait(false);
        return await AfterChangeAsync(result, cancellationToken).ConfigureAwait(false);
    }

    public static string StatusLabel(OrderStatus s) => OrderNames.Of(s);

    private async Task<IActionResult> AfterChangeAsync(Result<OrderView> result, CancellationToken cancellationToken)
    {
        if (!result.IsSuccess)
        {
            Problem = $"{result.Error.Code}: {result.Error.Message}";
            await LoadAsync(cancellationToken).ConfigureAwait(false);
            return Page();
        }

        await OrderEndpoints.AuditAsync(audit, HttpContext, AuditAction.Update, result.Value.PatientId, cancellationToken).ConfigureAwait(false);
        return Redirect($"/orders/worklist?glh={Uri.EscapeDataString(Glh ?? result.Value.GlhCode)}&status={Uri.EscapeDataString(Status ?? string.Empty)}");
    }

    private async Task<IActionResult?> RefuseOutsideGlhAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OrderEndpoints.OutsideGlhAsync(id, orders, User, cancellationToken).ConfigureAwait(false) is not { } order)
        {
            return null;
        }

        await OrderEndpoints.AuditAsync(audit, HttpContext, AuditAction.Denied, order.PatientId, cancellationToken).ConfigureAwait(false);
        Problem = $"{OrderEndpoints.NotYours(User).Code}: {OrderEndpoints.NotYours(User).Message}";
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        RoutingTable table = await routing.TableAsync(cancellationToken).ConfigureAwait(false);
        Glhs = table.Glhs.OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        // GLH staff see only their own GLH: the choice of GLH narrows to it, and another GLH is refused.
        Result<string?> scope = OrderEndpoints.WorklistGlh(User, Glh);
        if (!scope.IsSuccess)
        {
            Problem = $"{scope.Error.Code}: {scope.Error.Message}";
            Orders = [];
            return;
        }

        if (GlhScope.IsScoped(User))
        {
            Glhs = Glhs.Where(g => g.Code == scope.Value).ToList();
        }

        Glh = scope.Value;
        IReadOnlyList<OrderStatus>? statuses = OrderNames.TryParseStatus(Status, out OrderStatus s)
            ? [s]
            : Enum.GetValues<OrderStatus>().Where(x => !Transitions.IsTerminal(x)).ToList();
        Orders = await orders.ListAsync(new OrderQuery(GlhCode: string.IsNullOrWhiteSpace(Glh) ? null : Glh, Statuses: statuses, Limit: 200), cancellationToken).ConfigureAwait(false);
        await OrderEndpoints.AuditListAsync(audit, HttpContext, Orders, cancellationToken).ConfigureAwait(false);
    }
}
