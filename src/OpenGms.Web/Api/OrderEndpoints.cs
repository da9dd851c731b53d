using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Audit.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Application;
using OpenGms.Orders.Application.Routing;
using OpenGms.Orders.Contracts;
using OpenGms.Orders.Domain.Eligibility;
using OpenGms.Orders.Domain.Lifecycle;
using OpenGms.Orders.Domain.Routing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Api;

/// <summary>Test orders: place, read, worklists, lifecycle transitions, samples, turnaround. Every patient access is audited.</summary>
internal static class OrderEndpoints
{
    public sealed record PreviewRequest(string TestCode, string? Edition, string OrganisationOds, EligibilityAnswers? Eligibility);

    public sealed record TransitionBody(string To, string? BusinessStatus, string? Reason);

    public static void MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/orders").WithTags("Orders");

        group.MapPost("/preview", async (PreviewRequest request, OrderService orders, CancellationToken ct) =>
        {
            Result<OrderService.Preview> preview = await orders.PreviewAsync(request.TestCode, request.Edition, request.OrganisationOds, request.Eligibility, ct).ConfigureAwait(false);
            return preview.IsSuccess ? Results.Ok(preview.Value) : ErrorResults.Problem(preview.Error);
        }).RequireAuthorization(GmsPolicies.PlaceOrders).WithName("PreviewOrder");

        group.MapPost("/", async (PlaceOrderRequest request, OrderService orders, IAuditLog audit, IUnitOfWork work, HttpContext http, CancellationToken ct) =>
        {
            // A new patient, the order and its audit line are stored together or not at all.
            await using IUnitOfWorkTransaction transaction = await work.BeginAsync(ct).ConfigureAwait(false);
            Result<OrderView> placed = await orders.PlaceAsync(request with { Source = "api", ExternalId = null }, ActorOf(http.User), ct).ConfigureAwait(false);
            if (!placed.IsSuccess)
            {
                return ErrorResults.Problem(placed.Error);
            }

            await AuditAsync(audit, http, AuditAction.Create, placed.Value.PatientId, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return Results.Created($"/api/orders/{placed.Value.Id}", placed.Value);
        }).RequireAuthorization(GmsPolicies.PlaceOrders).WithMetadata(new PatientDataAttribute("order")).WithName("PlaceOrder");

        group.MapGet("/{id:guid}", async (Guid id, OrderService orders, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            Result<OrderView> order = await orders.GetAsync(id, ct).ConfigureAwait(false);
            if (!order.IsSuccess)
            {
                return ErrorResults.Problem(order.Error);
            }

            if (!MaySee(http.User, order.Value))
            {
                await AuditAsync(audit, http, AuditAction.Denied, order.Value.PatientId, ct).ConfigureAwait(false);
                return ErrorResults.Problem(NotYours(http.User));
            }

            await AuditAsync(audit, http, AuditAction.Read, order.Value.PatientId, ct).ConfigureAwait(false);
            return Results.Ok(order.Value);
        }).RequireAuthorization(GmsPolicies.ReadOrders).WithMetadata(new PatientDataAttribute("order")).WithName("GetOrder");

        group.MapGet("/mine", async (string? status, int? limit, OrderService orders, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            Result<IReadOnlyList<OrderStatus>?> statuses = ParseStatuses(status);
            if (!statuses.IsSuccess)
            {
                return ErrorResults.Problem(statuses.Error);
            }

            IReadOnlyList<OrderView> list = await orders.ListAsync(new OrderQuery(RequestedBy: UserName(http.User), Statuses: statuses.Value, Limit: Math.Clamp(limit ?? 100, 1, 500)), ct).ConfigureAwait(false);
            await AuditListAsync(audit, http, list, ct).ConfigureAwait(false);
            return Results.Ok(list);
        }).RequireAuthorization(GmsPolicies.ReadOrders).WithMetadata(new PatientDataAttribute("order")).WithName("ListMyOrders");

        group.MapGet("/worklist", async (string? glh, string? status, int? limit, OrderService orders, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            Result<IReadOnlyList<OrderStatus>?> statuses = ParseStatuses(status);
            if (!statuses.IsSuccess)
            {
                return ErrorResults.Problem(statuses.Error);
            }

            Result<string?> scope = WorklistGlh(http.User, glh);
            if (!scope.IsSuccess)
            {
                return ErrorResults.Problem(scope.Error);
            }

            IReadOnlyList<OrderView> list = await orders.ListAsync(new OrderQuery(GlhCode: scope.Value, Statuses: statuses.Value, Limit: Math.Clamp(limit ?? 100, 1, 500)), ct).ConfigureAwait(false);
            await AuditListAsync(audit, http, list, ct).ConfigureAwait(false);
            return Results.Ok(list);
        }).RequireAuthorization(GmsPolicies.OrderWorklist).WithMetadata(new PatientDataAttribute("order")).WithName("OrderWorklist");

        group.MapPost("/{id:guid}/transitions", async (Guid id, TransitionBody body, OrderService orders, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            if (!OrderNames.TryParseStatus(body.To, out OrderStatus to))
            {
                return ErrorResults.Problem(Error.BadInput("ORD019", $"'{body.To}' is not an order status ({string.Join(", ", Enum.GetValues<OrderStatus>().Select(OrderNames.Of))})."));
            }

            if (await RefuseOutsideGlhAsync(id, orders, audit, http, ct).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            Result<OrderView> moved = await orders.TransitionAsync(id, new TransitionRequest(to, body.BusinessStatus, body.Reason), ActorOf(http.User), ct).ConfigureAwait(false);
            return await AnswerChangeAsync(id, moved, orders, audit, http, ct).ConfigureAwait(false);
        }).RequireAuthorization(GmsPolicies.ProgressOrders).WithMetadata(new PatientDataAttribute("order")).WithName("TransitionOrder");

        group.MapPost("/{id:guid}/samples", async (Guid id, NewSample sample, OrderService orders, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            if (await RefuseOutsideGlhAsync(id, orders, audit, http, ct).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            Result<OrderView> attached = await orders.AttachSampleAsync(id, sample, ActorOf(http.User), ct).ConfigureAwait(false);
            return await AnswerChangeAsync(id, attached, orders, audit, http, ct).ConfigureAwait(false);
        }).RequireAuthorization(GmsPolicies.ProgressOrders).WithMetadata(new PatientDataAttribute("sample")).WithName("AttachSample");

        group.MapGet("/turnaround", async (OrderService orders, CancellationToken ct) =>
            Results.Ok(await orders.TurnaroundAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization(GmsPolicies.OrderWorklist).WithName("OrderTurnaround");

        RouteGroupBuilder glh = endpoints.MapGroup("/api/glh").WithTags("Orders");
        glh.MapGet("/", async (RoutingService routing, CancellationToken ct) =>
        {
            RoutingTable table = await routing.TableAsync(ct).ConfigureAwait(false);
            return Results.Ok(new { glhs = table.Glhs, organisations = table.Organisations, specialistTests = table.SpecialistTests });
        }).RequireAuthorization(GmsPolicies.ReadOrders).WithName("GlhRoutingTable");
    }

    /// <summary>The acting user as the orders module sees them.</summary>
    public static OrderActor ActorOf(ClaimsPrincipal user)
    {
        var roles = new List<OrderRole>();
        foreach (OrderRole role in Enum.GetValues<OrderRole>())
        {
            if (user.IsInRole(OrderNames.Of(role)))
            {
                roles.Add(role);
            }
        }

        return new OrderActor(UserName(user), roles);
    }

    /// <summary>
    /// Administrators see every order; GLH staff the orders routed to their GLH; anyone the orders they requested.
    /// </summary>
    public static bool MaySee(ClaimsPrincipal user, OrderView order) =>
        user.IsInRole(GmsRoles.Administrator)
        || ((user.IsInRole(GmsRoles.GlhScientist) || user.IsInRole(GmsRoles.GlhAuthoriser)) && GlhScope.Covers(user, order))
        || order.RequestedBy == UserName(user);

    /// <summary>The refusal for an order the user may not see: GLH staff get the GLH rule, clinicians their own.</summary>
    public static Error NotYours(ClaimsPrincipal user) => GlhScope.IsScoped(user)
        ? new Error(ErrorKind.Forbidden, "ORD030", "GLH staff see and work on only the orders routed to their own GLH.")
        : new Error(ErrorKind.Forbidden, "ORD011", "A requesting clinician sees only their own orders.");

    /// <summary>
    /// The GLH a worklist may show: GLH staff only their own (asking for another is refused; asking for none gives
    /// theirs); administrators any, or all.
    /// </summary>
    public static Result<string?> WorklistGlh(ClaimsPrincipal user, string? asked)
    {
        string? glh = string.IsNullOrWhiteSpace(asked) ? null : asked.Trim().ToLowerInvariant();
        if (!GlhScope.IsScoped(user))
        {
            return glh;
        }

        if (GlhScope.GlhOf(user) is not { } own)
        {
            return new Error(ErrorKind.Forbidden, "ORD031", "This GLH account names no GLH, so it has no worklist; ask an administrator to set one.");
        }

        return glh is null || glh == own
            ? own
            : new Error(ErrorKind.Forbidden, "ORD030", $"GLH staff see only their own GLH's worklist ({own}), not {glh}.");
    }

    /// <summary>Refuses (and audits) a change to an order routed to another GLH; null when the user may go on.</summary>
    private static async Task<IResult?> RefuseOutsideGlhAsync(Guid id, OrderService orders, IAuditLog audit, HttpContext http, CancellationToken ct)
    {
        if (await OutsideGlhAsync(id, orders, http.User, ct).ConfigureAwait(false) is not { } order)
        {
            return null;
        }

        await AuditAsync(audit, http, AuditAction.Denied, order.PatientId, ct).ConfigureAwait(false);
        return ErrorResults.Problem(NotYours(http.User));
    }

    /// <summary>The order when GLH staff may not change it (routed to another GLH); null when the GLH rule allows it.</summary>
    public static async Task<OrderView?> OutsideGlhAsync(Guid id, OrderService orders, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (!GlhScope.IsScoped(user) || await orders.GetAsync(id, ct).ConfigureAwait(false) is not { IsSuccess: true } order || MaySee(user, order.Value))
        {
            return null;
        }

        return order.Value;
    }

    public static Task AuditAsync(IAuditLog audit, HttpContext http, AuditAction action, Guid patientId, CancellationToken ct) =>
        audit.WriteAsync(
            new AuditEvent(UserName(http.User), action, "order", patientId.ToString("N"), http.Connection.RemoteIpAddress?.ToString() ?? "unknown", $"{http.Request.Method} {http.Request.Path}"),
            ct);

    /// <summary>One Search line per patient in a list, written in one transaction (one commit, not one per line).</summary>
    public static async Task AuditListAsync(IAuditLog audit, HttpContext http, IReadOnlyList<OrderView> list, CancellationToken ct)
    {
        Guid[] patients = list.Select(o => o.PatientId).Distinct().ToArray();
        if (patients.Length == 0)
        {
            return;
        }

        IUnitOfWork work = http.RequestServices.GetRequiredService<IUnitOfWork>();
        await using IUnitOfWorkTransaction transaction = await work.BeginAsync(ct).ConfigureAwait(false);
        foreach (Guid patient in patients)
        {
            await AuditAsync(audit, http, AuditAction.Search, patient, ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task<IResult> AnswerChangeAsync(Guid id, Result<OrderView> result, OrderService orders, IAuditLog audit, HttpContext http, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            // A change the user's roles do not allow on this order is a refused attempt on patient data: audit it.
            if (result.Error.Kind == ErrorKind.Forbidden && await orders.GetAsync(id, ct).ConfigureAwait(false) is { IsSuccess: true } order)
            {
                await AuditAsync(audit, http, AuditAction.Denied, order.Value.PatientId, ct).ConfigureAwait(false);
            }

            return ErrorResults.Problem(result.Error);
        }

        await AuditAsync(audit, http, AuditAction.Update, result.Value.PatientId, ct).ConfigureAwait(false);
        return Results.Ok(result.Value);
    }

    private static Result<IReadOnlyList<OrderStatus>?> ParseStatuses(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<IReadOnlyList<OrderStatus>?>.Ok(null);
        }

        var statuses = new List<OrderStatus>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!OrderNames.TryParseStatus(part, out OrderStatus s))
            {
                return Error.BadInput("ORD019", $"'{part}' is not an order status.");
            }

            statuses.Add(s);
        }

        return statuses;
    }

    private static string UserName(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "unknown";
}
