namespace OpenGms.Web.Identity;

/// <summary>The service's roles (issue 7). A user may hold several.</summary>
public static class GmsRoles
{
    /// <summary>Orders tests for patients; records consent discussions.</summary>
    public const string RequestingClinician = "requesting-clinician";

    /// <summary>Clinical scientist in a Genomic Laboratory Hub: reviews cases.</summary>
    public const string GlhScientist = "glh-scientist";

    /// <summary>Senior scientist who authorises reports (the second pair of eyes).</summary>
    public const string GlhAuthoriser = "glh-authoriser";

    /// <summary>Reads pharmacogenomic results and recommendations.</summary>
    public const string Pharmacist = "pharmacist";

    /// <summary>Sees only consented, pseudonymised research views.</summary>
    public const string Researcher = "researcher";

    /// <summary>Works on the annual review of the test directory.</summary>
    public const string DirectoryReviewer = "directory-reviewer";

    /// <summary>Manages accounts and reads the audit log.</summary>
    public const string Administrator = "administrator";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } =
        [RequestingClinician, GlhScientist, GlhAuthoriser, Pharmacist, Researcher, DirectoryReviewer, Administrator];
}

/// <summary>Named authorisation policies: each route names one (or is explicitly public).</summary>
public static class GmsPolicies
{
    /// <summary>Read identifiable patient records.</summary>
    public const string ReadPatients = "patients.read";

    /// <summary>Register patients and link relatives.</summary>
    public const string WritePatients = "patients.write";

    /// <summary>Record a consent discussion.</summary>
    public const string RecordConsent = "consent.write";

    /// <summary>Search the audit log.</summary>
    public const string ReadAudit = "audit.read";

    /// <summary>See and retry analysis jobs.</summary>
    public const string ManageJobs = "jobs.manage";

    /// <summary>Make and read pharmacogenomic reports from a sample's VCF (<c>/pgx</c>, <c>/api/pgx</c>).</summary>
    public const string ReadPharmacogenomics = "pgx.report";

    /// <summary>Place test orders (and send FHIR order bundles).</summary>
    public const string PlaceOrders = "orders.place";

    /// <summary>Read orders (a requesting clinician only their own; the service checks).</summary>
    public const string ReadOrders = "orders.read";

    /// <summary>See a GLH's worklist and the service's turnaround.</summary>
    public const string OrderWorklist = "orders.worklist";

    /// <summary>Move orders through the lifecycle and record samples (each transition checks its own roles).</summary>
    public const string ProgressOrders = "orders.progress";

    /// <summary>Open cases, the case worklist and report drafts (case review, issue 7).</summary>
    public const string ReviewCases = "cases.review";

    /// <summary>Attach VCFs, retry analyses, review variants, write and submit reports, open corrections.</summary>
    public const string EditCases = "cases.edit";

    /// <summary>Authorise or return a submitted report (the second pair of eyes).</summary>
    public const string AuthoriseReports = "cases.authorise";

    /// <summary>Read authorised reports (a requesting clinician only those of their own orders; the endpoint checks).</summary>
    public const string ReadReports = "reports.read";

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [ReadPatients] = [GmsRoles.RequestingClinician, GmsRoles.GlhScientist, GmsRoles.GlhAuthoriser, GmsRoles.Pharmacist, GmsRoles.Administrator],
        [WritePatients] = [GmsRoles.RequestingClinician, GmsRoles.Administrator],
        [RecordConsent] = [GmsRoles.RequestingClinician],
        [ReadAudit] = [GmsRoles.Administrator],
        [ManageJobs] = [GmsRoles.GlhScientist, GmsRoles.GlhAuthoriser, GmsRoles.Administrator],
        [ReadPharmacogenomics] = [GmsRoles.Pharmacist, GmsRoles.GlhScientist],
        [PlaceOrders] = [GmsRoles.RequestingClinician],
        [ReadOrders] = [GmsRoles.RequestingClinician, GmsRoles.GlhScientist, GmsRoles.GlhAuthoriser, GmsRoles.Administrator],
        [OrderWorklist] = [GmsRoles.GlhScientist, GmsRoles.GlhAuthoriser, GmsRoles.Administrator],
        [ReadReports] = [GmsRoles.RequestingClinician, GmsRoles.GlhScientist, GmsRoles.GlhAuthoriser, GmsRoles.Pharmacist, GmsRoles.Administrator],
        [ProgressOrders] = [GmsRoles.RequestingClinician, GmsRoles.GlhScientist, GmsRoles.GlhAuthoriser, GmsRoles.Administrator],
        [ReviewCases] = [GmsRoles.GlhScientist, GmsRoles.GlhAuthoriser],
        [EditCases] = [GmsRoles.GlhScientist],
        [AuthoriseReports] = [GmsRoles.GlhAuthoriser],
    };
}
