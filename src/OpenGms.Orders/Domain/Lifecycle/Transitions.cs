namespace OpenGms.Orders.Domain.Lifecycle;

/// <summary>One allowed move of the order lifecycle and the roles that may make it.</summary>
/// <param name="From">The status it leaves.</param>
/// <param name="To">The status it enters.</param>
/// <param name="Roles">Who may make it.</param>
public sealed record Transition(OrderStatus From, OrderStatus To, IReadOnlyList<OrderRole> Roles);

/// <summary>
/// The lifecycle: the main path requested → accepted → sample received → sequencing → analysis → interpretation →
/// report authorised → sent, plus on hold (from any laboratory status, resuming to where it left), cancelled and
/// failed. The laboratory moves its own steps; only an authoriser authorises and sends; the requesting clinician may
/// cancel an order the laboratory has not started; an administrator may cancel anything not finished.
/// </summary>
public static class Transitions
{
    private static readonly OrderRole[] s_scientist = [OrderRole.GlhScientist];
    private static readonly OrderRole[] s_authoriser = [OrderRole.GlhAuthoriser];
    private static readonly OrderRole[] s_cancelEarly = [OrderRole.RequestingClinician, OrderRole.GlhScientist, OrderRole.Administrator];
    private static readonly OrderRole[] s_cancelLate = [OrderRole.GlhScientist, OrderRole.Administrator];

    /// <summary>The main path, in order.</summary>
    public static IReadOnlyList<OrderStatus> MainPath { get; } =
    [
        OrderStatus.Requested, OrderStatus.Accepted, OrderStatus.SampleReceived, OrderStatus.Sequencing,
        OrderStatus.Analysis, OrderStatus.Interpretation, OrderStatus.ReportAuthorised, OrderStatus.Sent,
    ];

    /// <summary>Every allowed transition (on-hold resumption is listed from each status it can return to).</summary>
    public static IReadOnlyList<Transition> All { get; } = Build();

    /// <summary>True for statuses no transition leaves.</summary>
    public static bool IsTerminal(OrderStatus status) => status is OrderStatus.Sent or OrderStatus.Cancelled or OrderStatus.Failed;

    /// <summary>
    /// The transition from <paramref name="from"/> to <paramref name="to"/>, or null. For an order on hold,
    /// <paramref name="heldFrom"/> is the status it left: resuming goes back there and nowhere else.
    /// </summary>
    public static Transition? Find(OrderStatus from, OrderStatus to, OrderStatus? heldFrom)
    {
        if (from == OrderStatus.OnHold && to != OrderStatus.Cancelled && to != OrderStatus.Failed)
        {
            return heldFrom == to ? new Transition(OrderStatus.OnHold, to, s_scientist) : null;
        }

        foreach (Transition t in All)
        {
            if (t.From == from && t.To == to)
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>The statuses reachable from <paramref name="from"/> by <paramref name="roles"/>.</summary>
    public static IReadOnlyList<OrderStatus> NextFor(OrderStatus from, OrderStatus? heldFrom, IReadOnlyCollection<OrderRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var next = new List<OrderStatus>();
        foreach (OrderStatus to in Enum.GetValues<OrderStatus>())
        {
            Transition? t = Find(from, to, heldFrom);
            if (t is not null && t.Roles.Any(roles.Contains))
            {
                next.Add(to);
            }
        }

        return next;
    }

    private static List<Transition> Build()
    {
        var list = new List<Transition>();
        for (int i = 0; i + 1 < MainPath.Count; i++)
        {
            OrderStatus from = MainPath[i];
            OrderStatus to = MainPath[i + 1];
            list.Add(new Transition(from, to, to is OrderStatus.ReportAuthorised or OrderStatus.Sent ? s_authoriser : s_scientist));
        }

        foreach (OrderStatus from in new[] { OrderStatus.Requested, OrderStatus.Accepted })
        {
            list.Add(new Transition(from, OrderStatus.Cancelled, s_cancelEarly));
            list.Add(new Transition(from, OrderStatus.OnHold, s_scientist));
        }

        foreach (OrderStatus from in new[] { OrderStatus.SampleReceived, OrderStatus.Sequencing, OrderStatus.Analysis, OrderStatus.Interpretation })
        {
            list.Add(new Transition(from, OrderStatus.Cancelled, s_cancelLate));
            list.Add(new Transition(from, OrderStatus.OnHold, s_scientist));
            list.Add(new Transition(from, OrderStatus.Failed, s_scientist));
        }

        list.Add(new Transition(OrderStatus.OnHold, OrderStatus.Cancelled, s_cancelLate));
        list.Add(new Transition(OrderStatus.OnHold, OrderStatus.Failed, s_scientist));
        return list;
    }
}
