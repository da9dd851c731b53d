using Hl7.Fhir.Model;
using OpenGms.Orders.Contracts;
using OpenGms.Orders.Domain.Lifecycle;

namespace OpenGms.Web.Fhir;

/// <summary>Orders as FHIR R4 resources: the ServiceRequest (what was asked) and the Task (where it is).</summary>
public static class OrderFhirMapper
{
    /// <summary>Where OpenGMS names its GLHs (codes of the routing table).</summary>
    public const string GlhSystem = "https://opengms.example/Id/glh";

    /// <summary>The ServiceRequest for an order; its id is the order id.</summary>
    public static ServiceRequest ToServiceRequest(OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var request = new ServiceRequest
        {
            Id = order.Id.ToString("N"),
            Status = order.Status switch
            {
                "sent" => RequestStatus.Completed,
                "cancelled" or "failed" => RequestStatus.Revoked,
                "on-hold" => RequestStatus.OnHold,
                _ => RequestStatus.Active,
            },
            Intent = RequestIntent.Order,
            Priority = order.Urgency switch
            {
                "urgent" => RequestPriority.Urgent,
                "rapid" => RequestPriority.Asap,
                _ => RequestPriority.Routine,
            },
            Code = new CodeableConcept
            {
                Coding = [new Coding(OrderBundleReader.TestDirectorySystem, order.TestCode, order.TestName) { Version = order.EditionVersion }],
            },
            Subject = PatientReference(order),
            AuthoredOn = order.CreatedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Requester = new ResourceReference
            {
                Display = order.RequesterName,
            },
            Performer = [GlhReference(order)],
            ReasonCode = order.HpoTerms.Select(t => new CodeableConcept(OrderBundleReader.HpoSystems[0], t)).ToList(),
            Note = order.ClinicalNotes is null ? [] : [new Annotation { Text = order.ClinicalNotes }],
        };
        if (order.ExternalId is not null)
        {
            request.Identifier.Add(new Identifier("https://opengms.example/Id/sender-service-request", order.ExternalId));
        }

        return request;
    }

    /// <summary>The Task for an order; its id is the order id.</summary>
    public static Hl7.Fhir.Model.Task ToTask(OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var task = new Hl7.Fhir.Model.Task
        {
            Id = order.Id.ToString("N"),
            Status = order.Task.Status switch
            {
                "requested" => Hl7.Fhir.Model.Task.TaskStatus.Requested,
                "accepted" => Hl7.Fhir.Model.Task.TaskStatus.Accepted,
                "in-progress" => Hl7.Fhir.Model.Task.TaskStatus.InProgress,
                "on-hold" => Hl7.Fhir.Model.Task.TaskStatus.OnHold,
                "completed" => Hl7.Fhir.Model.Task.TaskStatus.Completed,
                "cancelled" => Hl7.Fhir.Model.Task.TaskStatus.Cancelled,
                _ => Hl7.Fhir.Model.Task.TaskStatus.Failed,
            },
            Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
            Code = new CodeableConcept(TaskMapping.TaskCodeSystem, order.Task.Code),
            BusinessStatus = order.Task.BusinessStatus is null ? null : new CodeableConcept(TaskMapping.BusinessStatusSystem, order.Task.BusinessStatus),
            Focus = new ResourceReference($"ServiceRequest/{order.Id:N}"),
            For = PatientReference(order),
            AuthoredOn = order.CreatedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            LastModified = order.UpdatedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Requester = new ResourceReference
            {
                Identifier = new Identifier(OrderBundleReader.OdsSystem, order.OrganisationOds),
                Display = order.RequesterName,
            },
            Owner = GlhReference(order),
        };
        task.Extension.Add(new Extension("https://opengms.example/StructureDefinition/order-status", new Code(order.Status)));
        return task;
    }

    /// <summary>A searchset Bundle of <paramref name="resources"/>.</summary>
    public static Bundle Searchset(IEnumerable<Resource> resources)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        foreach (Resource r in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"{r.TypeName}/{r.Id}", Resource = r, Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match } });
        }

        bundle.Total = bundle.Entry.Count;
        return bundle;
    }

    private static ResourceReference PatientReference(OrderView order) => new()
    {
        Reference = $"Patient/{order.PatientId:N}",
        Identifier = new Identifier(OrderBundleReader.NhsNumberSystem, order.NhsNumber),
        Display = order.PatientName,
    };

    private static ResourceReference GlhReference(OrderView order) => new()
    {
        Identifier = new Identifier(GlhSystem, order.GlhCode),
        Display = order.GlhCode,
    };
}
