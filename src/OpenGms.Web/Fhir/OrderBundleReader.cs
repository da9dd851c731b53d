using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using OpenGms.Consent.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Application;
using OpenGms.Orders.Domain;

namespace OpenGms.Web.Fhir;

/// <summary>A problem found in a FHIR order bundle: a stable code, where (FHIRPath-like expression) and what.</summary>
/// <param name="Code">FHIR0xx, or the Firely parser's code.</param>
/// <param name="Expression">Where, e.g. <c>Bundle.entry[3].resource.code</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record BundleIssue(string Code, string Expression, string Message);

/// <summary>What an order bundle asks for, once read: the patient, the order, the consent position, and each entry's role.</summary>
/// <param name="Patient">The patient's details.</param>
/// <param name="Order">The order to place (NHS number, test, requester, clinical information, samples).</param>
/// <param name="ResearchDecision">The research decision from an active or rejected research Consent, when one is given.</param>
/// <param name="Entries">Per request entry, its resource type (in bundle order).</param>
/// <param name="RequesterName">The practitioner named on the PractitionerRole.</param>
public sealed record OrderBundle(PatientDetails Patient, PlaceOrderRequest Order, ConsentDecision? ResearchDecision, IReadOnlyList<string> Entries, string RequesterName);

/// <summary>
/// Reads an NHS England Genomic Medicine Service test-order transaction Bundle (the IG's Bundle-*TestOrderForm
/// examples): parsed strictly by Firely, then mapped. Every problem is collected (not just the first) so the sender
/// can fix them all; nothing is stored by the reader.
/// </summary>
public static class OrderBundleReader
{
    /// <summary>England's National Genomic Test Directory code system.</summary>
    public const string TestDirectorySystem = "https://fhir.nhs.uk/CodeSystem/England-GenomicTestDirectory";

    /// <summary>NHS number identifier system.</summary>
    public const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>ODS organisation code identifier system.</summary>
    public const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";

    /// <summary>HPO as the IG's examples name it.</summary>
    public static readonly IReadOnlyList<string> HpoSystems = ["http://human-phenotype-ontology.org", "http://purl.obolibrary.org/obo/hp.owl"];

    private static readonly BaseFhirJsonDeserializer s_strict = new(ModelInfo.ModelInspector, new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    /// <summary>Parses and maps <paramref name="json"/>; returns the bundle, or every issue found.</summary>
    public static (OrderBundle? Bundle, IReadOnlyList<BundleIssue> Issues) Read(string json)
    {
        var issues = new List<BundleIssue>();
        Resource? resource;
        IEnumerable<CodedException> parseIssues;
        try
        {
            s_strict.TryDeserializeResource(json, out resource, out parseIssues);
        }
        catch (System.Text.Json.JsonException e)
        {
            issues.Add(new BundleIssue("FHIR001", "Bundle", $"The body is not JSON: {e.Message}"));
            return (null, issues);
        }

        foreach (CodedException e in parseIssues ?? [])
        {
            string where = e is ExtendedCodedException x ? $"{x.InstancePath} (line {x.LineNumber}, position {x.Position})" : "Bundle";
            issues.Add(new BundleIssue(e.ErrorCode, where, e.Message));
        }

        if (issues.Count > 0)
        {
            return (null, issues);
        }

        if (resource is not Bundle bundle)
        {
            issues.Add(new BundleIssue("FHIR002", resource?.TypeName ?? "(none)", $"Expected a Bundle, got {resource?.TypeName ?? "nothing"}."));
            return (null, issues);
        }

        if (bundle.Type != Bundle.BundleType.Transaction)
        {
            issues.Add(new BundleIssue("FHIR002", "Bundle.type", $"Expected a transaction Bundle, got '{bundle.Type?.ToString() ?? "no type"}'."));
        }

        var entries = new List<string>();
        var byReference = new Dictionary<string, Resource>(StringComparer.Ordinal);
        for (int i = 0; i < bundle.Entry.Count; i++)
        {
            Bundle.EntryComponent entry = bundle.Entry[i];
            string at = $"Bundle.entry[{i}]";
            if (entry.Resource is null)
            {
                issues.Add(new BundleIssue("FHIR003", $"{at}.resource", "The entry has no resource."));
                entries.Add("(none)");
                continue;
            }

            entries.Add(entry.Resource.TypeName);
            if (entry.Request?.Method != Bundle.HTTPVerb.POST)
            {
                issues.Add(new BundleIssue("FHIR003", $"{at}.request.method", $"Only POST (create) entries are accepted; got {entry.Request?.Method?.ToString() ?? "no request"}."));
            }

            if (!string.IsNullOrEmpty(entry.FullUrl))
            {
                byReference[entry.FullUrl] = entry.Resource;
            }

            if (!string.IsNullOrEmpty(entry.Resource.Id))
            {
                byReference[$"{entry.Resource.TypeName}/{entry.Resource.Id}"] = entry.Resource;
            }
        }

        List<(ServiceRequest Resource, int Index)> requests = OfType<ServiceRequest>(bundle);
        List<(Patient Resource, int Index)> patients = OfType<Patient>(bundle);
        if (requests.Count != 1)
        {
            issues.Add(new BundleIssue("FHIR004", "Bundle.entry", $"Expected exactly one ServiceRequest (the test order), found {requests.Count}."));
        }

        if (patients.Count != 1)
        {
            issues.Add(new BundleIssue("FHIR006", "Bundle.entry", $"Expected exactly one Patient (the proband), found {patients.Count}."));
        }

        if (requests.Count != 1 || patients.Count != 1)
        {
            return (null, issues);
        }

        (ServiceRequest request, int ri) = requests[0];
        (Patient patient, int pi) = patients[0];
        string sr = $"Bundle.entry[{ri}].resource";
        string pt = $"Bundle.entry[{pi}].resource";

        // The test: one coding from the directory.
        Coding? test = request.Code?.Coding.FirstOrDefault(c => c.System == TestDirectorySystem);
        if (test is null || string.IsNullOrWhiteSpace(test.Code))
        {
            issues.Add(new BundleIssue("FHIR005", $"{sr}.code", $"The ServiceRequest has no code from {TestDirectorySystem} (the directory test, e.g. R134.1)."));
        }

        // The patient: NHS number (check digit), name, date of birth.
        string? nhs = patient.Identifier.FirstOrDefault(x => x.System == NhsNumberSystem)?.Value;
        if (nhs is null)
        {
            issues.Add(new BundleIssue("FHIR006", $"{pt}.identifier", $"The Patient has no identifier with system {NhsNumberSystem}."));
        }
        else if (!NhsNumber.TryParse(nhs, out _))
        {
            issues.Add(new BundleIssue(NhsNumber.Parse(nhs).Error!.Code, $"{pt}.identifier", NhsNumber.Parse(nhs).Error!.Message));
        }

        HumanName? name = patient.Name.FirstOrDefault();
        string given = name?.Given.FirstOrDefault() ?? string.Empty;
        string family = name?.Family ?? string.Empty;
        if (given.Length == 0 || family.Length == 0)
        {
            issues.Add(new BundleIssue("FHIR009", $"{pt}.name", "The Patient needs a given and a family name."));
        }

        DateOnly birth = default;
        if (string.IsNullOrEmpty(patient.BirthDate) || !DateOnly.TryParseExact(patient.BirthDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out birth))
        {
            issues.Add(new BundleIssue("FHIR009", $"{pt}.birthDate", "The Patient needs a full birth date (YYYY-MM-DD)."));
        }

        // The subject must be the bundle's patient.
        if (!RefersTo(request.Subject, patient, nhs, byReference))
        {
            issues.Add(new BundleIssue("FHIR007", $"{sr}.subject", "The ServiceRequest's subject is not the bundle's Patient."));
        }

        // The requester: a PractitionerRole with an ODS organisation.
        string? ods = null;
        string requester = string.Empty;
        if (request.Requester?.Reference is { } requesterRef && byReference.TryGetValue(requesterRef, out Resource? r) && r is PractitionerRole role)
        {
            ods = role.Organization?.Identifier?.System == OdsSystem ? role.Organization.Identifier.Value : null;
            requester = role.Practitioner?.Display ?? string.Empty;
            if (ods is null)
            {
                issues.Add(new BundleIssue("FHIR008", $"Bundle.entry[{IndexOf(bundle, role)}].resource.organization", $"The requester's PractitionerRole names no organisation with system {OdsSystem}."));
            }
        }
        else
        {
            issues.Add(new BundleIssue("FHIR008", $"{sr}.requester", "The ServiceRequest's requester must reference a PractitionerRole in the bundle."));
        }

        // Samples.
        var samples = new List<NewSample>();
        foreach ((Specimen specimen, int si) in OfType<Specimen>(bundle))
        {
            string? id = specimen.Identifier.FirstOrDefault()?.Value;
            Coding? type = specimen.Type?.Coding.FirstOrDefault();
            if (string.IsNullOrWhiteSpace(id) || type?.Code is null)
            {
                issues.Add(new BundleIssue("FHIR010", $"Bundle.entry[{si}].resource", "A Specimen needs an identifier and a type."));
                continue;
            }

            if (!RefersTo(specimen.Subject, patient, nhs, byReference))
            {
                issues.Add(new BundleIssue("FHIR007", $"Bundle.entry[{si}].resource.subject", "The Specimen's subject is not the bundle's Patient."));
            }

            DateTimeOffset? collected = (specimen.Collection?.Collected as FhirDateTime)?.TryToDateTimeOffset(out DateTimeOffset when) == true ? when.ToUniversalTime() : null;
            samples.Add(new NewSample(id, type.Code, type.Display ?? type.Code, collected));
        }

        // Clinical information: HPO terms observed present, notes.
        var hpo = new List<string>();
        foreach ((Observation observation, int _) in OfType<Observation>(bundle))
        {
            Coding? term = observation.Code?.Coding.FirstOrDefault(c => HpoSystems.Contains(c.System));
            bool present = observation.Value is not FhirBoolean b || b.Value != false;
            if (term?.Code is not null && present)
            {
                hpo.Add(term.Code);
            }
        }

        var notes = request.Note.Select(n => n.Text).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        foreach ((Condition condition, int _) in OfType<Condition>(bundle))
        {
            if (condition.Code?.Coding.FirstOrDefault() is { } c)
            {
                notes.Add($"Condition: {c.Display ?? c.Code} ({c.Code})");
            }
        }

        ConsentDecision? research = null;
        foreach ((Hl7.Fhir.Model.Consent consent, int _) in OfType<Hl7.Fhir.Model.Consent>(bundle))
        {
            bool isResearch = consent.Scope?.Coding.Any(c => c.Code == "research") == true;
            research = !isResearch ? research : consent.Status switch
            {
                Hl7.Fhir.Model.Consent.ConsentState.Active => consent.Provision?.Type == Hl7.Fhir.Model.Consent.ConsentProvisionType.Deny ? ConsentDecision.No : ConsentDecision.Yes,
                Hl7.Fhir.Model.Consent.ConsentState.Rejected => ConsentDecision.No,
                _ => research,
            };
        }

        if (issues.Count > 0)
        {
            return (null, issues);
        }

        string sex = patient.Gender?.ToString().ToLowerInvariant() ?? "unknown";
        var details = new PatientDetails(nhs!, given, family, birth, sex);
        var order = new PlaceOrderRequest
        {
            NhsNumber = nhs!,
            NewPatient = details,
            TestCode = test!.Code ?? string.Empty,
            Edition = string.IsNullOrWhiteSpace(test.Version) ? null : test.Version,
            OrganisationOds = ods!,
            RequesterName = requester,
            HpoTerms = hpo,
            ClinicalNotes = notes.Count == 0 ? null : string.Join("\n", notes),
            Urgency = request.Priority switch
            {
                RequestPriority.Urgent => Urgency.Urgent,
                RequestPriority.Asap or RequestPriority.Stat => Urgency.Rapid,
                _ => Urgency.Routine,
            },
            Samples = samples,
            Source = "fhir",
            ExternalId = request.Id,
            // A FHIR order form carries no structured eligibility answers: the referral itself asserts eligibility.
            Justification = "Sent as a FHIR test order form; eligibility asserted by the requester.",
        };
        return (new OrderBundle(details, order, research, entries, requester), issues);
    }

    /// <summary>The OperationOutcome for <paramref name="issues"/>.</summary>
    public static OperationOutcome Outcome(IEnumerable<BundleIssue> issues) => new()
    {
        Issue = issues.Select(i => new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error,
            Code = OperationOutcome.IssueType.Invalid,
            Details = new CodeableConcept("https://opengms.example/CodeSystem/issue-code", i.Code),
            Diagnostics = $"{i.Code}: {i.Message}",
            Expression = [i.Expression],
        }).ToList(),
    };

    /// <summary>The OperationOutcome for a module error.</summary>
    public static OperationOutcome Outcome(OpenGms.Kernel.Error error, string expression)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Outcome([new BundleIssue(error.Code, expression, error.Message)]);
    }

    private static bool RefersTo(ResourceReference? reference, Patient patient, string? nhs, Dictionary<string, Resource> byReference)
    {
        if (reference is null)
        {
            return false;
        }

        if (reference.Reference is { } r && byReference.TryGetValue(r, out Resource? target))
        {
            return ReferenceEquals(target, patient);
        }

        return reference.Identifier?.System == NhsNumberSystem && reference.Identifier.Value == nhs;
    }

    private static List<(T Resource, int Index)> OfType<T>(Bundle bundle)
        where T : Resource
    {
        var list = new List<(T, int)>();
        for (int i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is T t)
            {
                list.Add((t, i));
            }
        }

        return list;
    }

    private static int IndexOf(Bundle bundle, Resource resource) => bundle.Entry.FindIndex(e => ReferenceEquals(e.Resource, resource));
}
