using System.Text.RegularExpressions;
using OpenGms.Consent.Contracts;
using OpenGms.Directory.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Contracts;
using OpenGms.Orders.Domain;
using OpenGms.Orders.Domain.Eligibility;
using OpenGms.Orders.Domain.Lifecycle;
using OpenGms.Orders.Domain.Routing;
using OpenGms.Panels.Contracts;

namespace OpenGms.Orders.Application;

/// <summary>Orders: checking, placing, routing, moving through the lifecycle, samples, turnaround.</summary>
public sealed partial class OrderService(
    IOrderStore store, IRoutingStore routing, IDirectoryCatalog directory, IPanelCatalog panels, IPatientRegistry patients, IClock clock)
{
    /// <summary>The checks an order form shows before sending: the test, eligibility and routing.</summary>
    /// <param name="TestCode">The test.</param>
    /// <param name="TestName">Its name.</param>
    /// <param name="Edition">The edition key.</param>
    /// <param name="Eligibility">Eligibility.</param>
    /// <param name="Routing">Routing.</param>
    public sealed record Preview(string TestCode, string TestName, string Edition, EligibilityView Eligibility, RoutingView Routing);

    /// <summary>Checks a draft order: the test exists, what eligibility says, where it would go. Stores nothing.</summary>
    public async Task<Result<Preview>> PreviewAsync(string testCode, string? edition, string organisationOds, EligibilityAnswers? answers, CancellationToken cancellationToken)
    {
        Result<TestView> test = await FindTestAsync(testCode, edition, cancellationToken).ConfigureAwait(false);
        if (!test.IsSuccess)
        {
            return test.Error;
        }

        RoutingTable table = await routing.LoadAsync(cancellationToken).ConfigureAwait(false);
        RoutingDecision decision = table.Route(organisationOds ?? string.Empty, test.Value.Code);
        return new Preview(test.Value.Code, test.Value.Name, test.Value.Edition, EligibilityOf(test.Value.IndicationCode, answers, null), ToView(decision));
    }

    /// <summary>Places an order (registering the patient first when new and demographics are given).</summary>
    public async Task<Result<OrderView>> PlaceAsync(PlaceOrderRequest request, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Roles.Contains(OrderRole.RequestingClinician) && !actor.Roles.Contains(OrderRole.Administrator))
        {
            return new Error(ErrorKind.Forbidden, "ORD010", "Only a requesting clinician places orders.");
        }

        Result<NhsNumber> nhs = NhsNumber.Parse(request.NhsNumber);
        if (!nhs.IsSuccess)
        {
            return nhs.Error;
        }

        string ods = (request.OrganisationOds ?? string.Empty).Trim().ToUpperInvariant();
        if (!OdsCodePattern().IsMatch(ods))
        {
            return Error.BadInput("ORD004", $"'{request.OrganisationOds}' is not an ODS organisation code (3 to 6 letters and digits, e.g. RP4 or RAX01).");
        }

        var hpo = new List<string>();
        foreach (string term in request.HpoTerms ?? [])
        {
            string t = term.Trim();
            if (t.Length == 0)
            {
                continue;
            }

            if (!HpoPattern().IsMatch(t))
            {
                return Error.BadInput("ORD003", $"'{term}' is not an HPO term id (HP: followed by seven digits, e.g. HP:0001250).");
            }

            if (!hpo.Contains(t, StringComparer.Ordinal))
            {
                hpo.Add(t);
            }
        }

        var relatives = new List<RelativeToTest>();
        foreach (RelativeToTest relative in request.Relatives ?? [])
        {
            if (string.IsNullOrWhiteSpace(relative.Relationship))
            {
                return Error.BadInput("ORD016", "Each relative to test needs a relationship to the proband (e.g. mother).");
            }

            string? relativeNhs = null;
            if (!string.IsNullOrWhiteSpace(relative.NhsNumber))
            {
                Result<NhsNumber> parsed = NhsNumber.Parse(relative.NhsNumber);
                if (!parsed.IsSuccess)
                {
                    return Error.BadInput("ORD016", $"Relative ({relative.Relationship}): {parsed.Error.Message}");
                }

                relativeNhs = parsed.Value.Digits;
            }

            relatives.Add(new RelativeToTest(relative.Relationship.Trim().ToLowerInvariant(), relativeNhs));
        }

        foreach (NewSample sample in request.Samples ?? [])
        {
            if (string.IsNullOrWhiteSpace(sample.SpecimenId) || string.IsNullOrWhiteSpace(sample.TypeCode))
            {
                return Error.BadInput("ORD017", "Each sample needs a specimen id and a specimen type.");
            }
        }

        Result<TestView> found = await FindTestAsync(request.TestCode, request.Edition, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        TestView test = found.Value;
        EligibilityView eligibility = EligibilityOf(test.IndicationCode, request.Eligibility, request.Justification);
        if (eligibility.Eligible == false && string.IsNullOrWhiteSpace(request.Justification))
        {
            return Error.BadInput("ORD006", $"The order does not meet the eligibility criteria of {test.IndicationCode} ({eligibility.Summary}); send it only with a recorded justification.");
        }

        RoutingTable table = await routing.LoadAsync(cancellationToken).ConfigureAwait(false);
        RoutingDecision decision = table.Route(ods, test.Code);
        if (!decision.Routed)
        {
            return Error.BadInput(decision.ErrorCode ?? "GLH020", decision.Reason);
        }

        PatientSummary? patient = await patients.FindAsync(nhs.Value, cancellationToken).ConfigureAwait(false);
        if (patient is null)
        {
            if (request.NewPatient is null)
            {
                return Error.NotFound("ORD005", $"No patient with NHS number {nhs.Value} is registered; register the patient (or give name, date of birth and sex).");
            }

            Result<(PatientSummary Patient, bool Created)> registered = await patients.FindOrRegisterAsync(request.NewPatient with { NhsNumber = nhs.Value.Digits }, cancellationToken).ConfigureAwait(false);
            if (!registered.IsSuccess)
            {
                return registered.Error;
            }

            patient = registered.Value.Patient;
        }

        List<PinnedPanel> pinned = await PinPanelsAsync(test, cancellationToken).ConfigureAwait(false);
        string editionVersion = await EditionVersionAsync(test.Edition, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = clock.UtcNow;
        var order = new Order(
            Guid.NewGuid(),
            patient.Id.Value,
            new OrderTest(test.Code, test.IndicationCode, test.Name, test.Edition, editionVersion, pinned),
            new OrderRequester(actor.UserName, string.IsNullOrWhiteSpace(request.RequesterName) ? actor.UserName : request.RequesterName.Trim(), ods),
            new OrderClinicalInfo(hpo, string.IsNullOrWhiteSpace(request.ClinicalNotes) ? null : request.ClinicalNotes.Trim(), relatives, request.Urgency),
            new OrderEligibility(eligibility.Structured ? eligibility.Eligible : null, eligibility.Summary, eligibility.Criteria.Select(c => new StoredCriterion(c.Criterion, c.Met, c.Detail)).ToList(), request.Justification),
            decision.GlhCode!,
            decision.Reason,
            request.Source,
            now);
        order.SetExternalId(request.ExternalId);
        foreach (NewSample sample in request.Samples ?? [])
        {
            if (!order.AddSample(new Sample(Guid.NewGuid(), order.Id, sample.SpecimenId, sample.TypeCode.Trim(), sample.TypeDisplay?.Trim() ?? string.Empty, sample.CollectedAt, null, null)))
            {
                return Error.Conflict("ORD014", $"Specimen {sample.SpecimenId} appears twice on the order.");
            }
        }

        OrderRole role = actor.Roles.Contains(OrderRole.RequestingClinician) ? OrderRole.RequestingClinician : OrderRole.Administrator;
        var placed = new StatusChange(order.Id, OrderStatus.Requested, OrderStatus.Requested, actor.UserName, role, null, "placed", now);
        await store.AddAsync(order, placed, cancellationToken).ConfigureAwait(false);
        return ToView(order, patient, [placed]);
    }

    /// <summary>An order with its history.</summary>
    public async Task<Result<OrderView>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        Order? order = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return Error.NotFound("ORD008", $"No order {id}.");
        }

        PatientSummary? patient = await patients.GetAsync(new PatientId(order.PatientId), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<StatusChange> history = await store.HistoryAsync(id, cancellationToken).ConfigureAwait(false);
        return ToView(order, patient, history);
    }

    /// <summary>Orders matching the query (without history).</summary>
    public async Task<IReadOnlyList<OrderView>> ListAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<Order> orders = await store.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var views = new List<OrderView>(orders.Count);
        IReadOnlyList<PatientSummary> found = await patients.GetManyAsync(orders.Select(o => new PatientId(o.PatientId)).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        Dictionary<Guid, PatientSummary> byId = found.ToDictionary(p => p.Id.Value);
        foreach (Order order in orders)
        {
            views.Add(ToView(order, byId.GetValueOrDefault(order.PatientId), []));
        }

        return views;
    }

    /// <summary>Moves an order to another status, when the lifecycle allows it and the actor holds a role that may.</summary>
    public async Task<Result<OrderView>> TransitionAsync(Guid id, TransitionRequest request, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        Order? order = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return Error.NotFound("ORD008", $"No order {id}.");
        }

        if (request.BusinessStatus is { Length: > 0 } code && !TaskMapping.IsBusinessStatus(code))
        {
            return Error.BadInput("ORD012", $"'{code}' is not a code of {TaskMapping.BusinessStatusSystem}.");
        }

        Result<OrderRole> role = Authorise(order, request.To, actor);
        if (!role.IsSuccess)
        {
            return role.Error;
        }

        DateTimeOffset now = clock.UtcNow;
        if (request.To == OrderStatus.SampleReceived)
        {
            if (order.Samples.Count == 0)
            {
                return Error.Conflict("ORD013", "No sample is recorded for this order: record the specimen first.");
            }

            foreach (Sample sample in order.Samples)
            {
                sample.MarkReceived(actor.UserName, now);
            }
        }

        StatusChange change = order.MoveTo(request.To, actor.UserName, role.Value, string.IsNullOrWhiteSpace(request.BusinessStatus) ? null : request.BusinessStatus, request.Reason, now);
        if (!await store.SaveAsync(order, change, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict("ORD015", "The order was changed by someone else at the same time; reload it and try again.");
        }

        return await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a sample. When <see cref="NewSample.Received"/> is set the laboratory books it in, and an accepted order
    /// moves to sample received.
    /// </summary>
    public async Task<Result<OrderView>> AttachSampleAsync(Guid id, NewSample sample, OrderActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(sample.SpecimenId) || string.IsNullOrWhiteSpace(sample.TypeCode))
        {
            return Error.BadInput("ORD017", "A sample needs a specimen id and a specimen type.");
        }

        Order? order = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return Error.NotFound("ORD008", $"No order {id}.");
        }

        if (Transitions.IsTerminal(order.Status))
        {
            return Error.Conflict("ORD009", $"The order is {OrderNames.Of(order.Status)}: no samples can be added.");
        }

        bool lab = actor.Roles.Contains(OrderRole.GlhScientist);
        if (sample.Received && !lab)
        {
            return new Error(ErrorKind.Forbidden, "ORD010", "Only a GLH scientist books a sample into the laboratory.");
        }

        if (!lab && !(actor.Roles.Contains(OrderRole.RequestingClinician) && order.RequestedBy == actor.UserName) && !actor.Roles.Contains(OrderRole.Administrator))
        {
            return new Error(ErrorKind.Forbidden, "ORD011", "Only the requesting clinician of this order, the laboratory or an administrator adds samples.");
        }

        DateTimeOffset now = clock.UtcNow;
        var entity = new Sample(Guid.NewGuid(), order.Id, sample.SpecimenId, sample.TypeCode.Trim(), sample.TypeDisplay?.Trim() ?? string.Empty, sample.CollectedAt,
            sample.Received ? now : null, sample.Received ? actor.UserName : null);
        if (!order.AddSample(entity))
        {
            return Error.Conflict("ORD014", $"Specimen {sample.SpecimenId} is already recorded on this order.");
        }

        StatusChange? change = null;
        if (sample.Received && order.Status == OrderStatus.Accepted)
        {
            change = order.MoveTo(OrderStatus.SampleReceived, actor.UserName, OrderRole.GlhScientist, null, $"specimen {entity.SpecimenId} received", now);
        }

        if (!await store.SaveAsync(order, change, cancellationToken).ConfigureAwait(false))
        {
            return Error.Conflict("ORD015", "The order was changed by someone else at the same time; reload it and try again.");
        }

        return await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turnaround per GLH and test, from request to report sent.</summary>
    public async Task<IReadOnlyList<TurnaroundView>> TurnaroundAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Order> orders = await store.ListAsync(new OrderQuery(Limit: int.MaxValue), cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<Guid, DateTimeOffset> sent = await store.EnteredAsync(OrderStatus.Sent, cancellationToken).ConfigureAwait(false);
        var result = new List<TurnaroundView>();
        foreach (IGrouping<(string GlhCode, string TestCode), Order> group in orders.GroupBy(o => (o.GlhCode, o.TestCode)).OrderBy(g => g.Key.GlhCode, StringComparer.Ordinal).ThenBy(g => g.Key.TestCode, StringComparer.Ordinal))
        {
            List<double> days = group.Where(o => sent.ContainsKey(o.Id)).Select(o => (sent[o.Id] - o.CreatedAt).TotalDays).Order().ToList();
            int open = group.Count(o => !Transitions.IsTerminal(o.Status));
            double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
            result.Add(new TurnaroundView(group.Key.GlhCode, group.Key.TestCode, days.Count, open, median, days.Count == 0 ? null : days.Average(), days.Count == 0 ? null : days[^1]));
        }

        return result;
    }

    /// <summary>The statuses <paramref name="actor"/> may move the order to now.</summary>
    public static IReadOnlyList<OrderStatus> NextFor(OrderView order, OrderActor actor)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(actor);
        if (!OrderNames.TryParseStatus(order.Status, out OrderStatus status))
        {
            return [];
        }

        OrderStatus? held = OrderNames.TryParseStatus(order.HeldFrom, out OrderStatus h) ? h : null;
        IReadOnlyList<OrderStatus> next = Transitions.NextFor(status, held, actor.Roles);
        return order.RequestedBy == actor.UserName || actor.Roles.Any(r => r != OrderRole.RequestingClinician)
            ? next
            : next.Where(s => s != OrderStatus.Cancelled).ToList();
    }

    private static Result<OrderRole> Authorise(Order order, OrderStatus to, OrderActor actor)
    {
        Transition? transition = Transitions.Find(order.Status, to, order.HeldFrom);
        if (transition is null)
        {
            return Error.Conflict("ORD009", $"An order that is {OrderNames.Of(order.Status)} cannot move to {OrderNames.Of(to)}.");
        }

        foreach (OrderRole role in transition.Roles)
        {
            if (!actor.Roles.Contains(role))
            {
                continue;
            }

            if (role == OrderRole.RequestingClinician && order.RequestedBy != actor.UserName)
            {
                continue;
            }

            return role;
        }

        bool clinicianOnly = transition.Roles.Contains(OrderRole.RequestingClinician) && actor.Roles.Contains(OrderRole.RequestingClinician);
        return clinicianOnly
            ? new Error(ErrorKind.Forbidden, "ORD011", "A requesting clinician may cancel only their own orders.")
            : new Error(ErrorKind.Forbidden, "ORD010", $"Moving an order from {OrderNames.Of(order.Status)} to {OrderNames.Of(to)} needs the role {string.Join(" or ", transition.Roles.Select(OrderNames.Of))}.");
    }

    private async Task<Result<TestView>> FindTestAsync(string testCode, string? edition, CancellationToken cancellationToken)
    {
        string code = (testCode ?? string.Empty).Trim().ToUpperInvariant();
        if (!TestCodePattern().IsMatch(code))
        {
            return Error.BadInput("ORD001", $"'{testCode}' is not a directory test code (e.g. R134.1 or M1.2).");
        }

        Result<TestView> test = await directory.GetTestAsync(code, string.IsNullOrWhiteSpace(edition) ? null : edition.Trim(), cancellationToken).ConfigureAwait(false);
        return test.IsSuccess ? test : Error.NotFound("ORD002", $"The test {code} is not in the directory{(string.IsNullOrWhiteSpace(edition) ? string.Empty : $" edition {edition}")}: {test.Error.Message}");
    }

    private async Task<List<PinnedPanel>> PinPanelsAsync(TestView test, CancellationToken cancellationToken)
    {
        var pinned = new List<PinnedPanel>();
        foreach (TargetView target in test.Targets)
        {
            if (target.PanelId is not int panelId || pinned.Any(p => p.PanelId == panelId))
            {
                continue;
            }

            Result<ResolvedPanel> resolved = await panels.ResolveAsync(panelId, target.PanelVersion, PanelConfidence.Green, cancellationToken).ConfigureAwait(false);
            pinned.Add(resolved.IsSuccess
                ? new PinnedPanel(panelId, resolved.Value.Name, resolved.Value.Version, resolved.Value.Genes.Count)
                : new PinnedPanel(panelId, target.Name ?? $"panel {panelId}", string.Empty, 0));
        }

        return pinned;
    }

    private async Task<string> EditionVersionAsync(string editionKey, CancellationToken cancellationToken)
    {
        IReadOnlyList<EditionView> editions = await directory.ListEditionsAsync(cancellationToken).ConfigureAwait(false);
        return editions.FirstOrDefault(e => e.Key == editionKey)?.Version ?? editionKey;
    }

    private static EligibilityView EligibilityOf(string indication, EligibilityAnswers? answers, string? justification)
    {
        EligibilityResult? result = EligibilityRules.Check(indication, answers);
        return result is null
            ? new EligibilityView(indication, false, null, $"{indication} has no structured eligibility rule: the requesting clinician confirms the published criteria.", [], justification)
            : new EligibilityView(indication, true, result.Eligible, result.Summary, result.Criteria.Select(c => new CriterionView(c.Criterion, c.Met, c.Detail)).ToList(), justification);
    }

    private static RoutingView ToView(RoutingDecision d) => new(d.Routed, d.GlhCode, d.GlhName, d.ReferringGlhCode, d.Reason, d.ErrorCode);

    internal static OrderView ToView(Order o, PatientSummary? patient, IReadOnlyList<StatusChange> history)
    {
        TaskState task = TaskMapping.For(o.Status, o.HeldFrom);
        return new OrderView(
            o.Id, o.PatientId, patient?.NhsNumber ?? string.Empty, patient is null ? "(unknown patient)" : $"{patient.GivenName} {patient.FamilyName}",
            o.TestCode, o.IndicationCode, o.TestName, o.EditionKey, o.EditionVersion,
            o.Panels.Select(p => new PinnedPanelView(p.PanelId, p.Name, string.IsNullOrEmpty(p.Version) ? null : p.Version, p.GreenGenes)).ToList(),
            o.RequestedBy, o.RequesterName, o.OrganisationOds, o.HpoTerms, o.ClinicalNotes,
            o.Relatives.Select(r => new RelativeView(r.Relationship, r.NhsNumber)).ToList(),
            o.Urgency.ToString().ToLowerInvariant(),
            new EligibilityView(o.IndicationCode, o.EligibilityCriteria.Count > 0, o.Eligible, o.EligibilitySummary ?? string.Empty,
                o.EligibilityCriteria.Select(c => new CriterionView(c.Criterion, c.Met, c.Detail)).ToList(), o.Justification),
            o.GlhCode, o.RoutingReason, OrderNames.Of(o.Status), o.HeldFrom is { } h ? OrderNames.Of(h) : null,
            new TaskStateView(task.TaskStatus, task.TaskCode, o.BusinessStatus ?? task.BusinessStatus), o.Source, o.ExternalId, o.CreatedAt, o.UpdatedAt,
            o.Samples.OrderBy(s => s.SpecimenId, StringComparer.Ordinal).Select(s => new SampleView(s.SpecimenId, s.TypeCode, s.TypeDisplay, s.CollectedAt, s.ReceivedAt, s.ReceivedBy)).ToList(),
            history.Select(c => new StatusChangeView(OrderNames.Of(c.From), OrderNames.Of(c.To), c.Actor, OrderNames.Of(c.Role), c.BusinessStatus, c.Reason, c.At)).ToList());
    }

    [GeneratedRegex("^[A-Z0-9]{3,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex OdsCodePattern();

    [GeneratedRegex("^HP:[0-9]{7}$", RegexOptions.CultureInvariant)]
    private static partial Regex HpoPattern();

    [GeneratedRegex("^[RM][0-9]{1,4}\\.[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex TestCodePattern();
}
