using OpenGms.Cases.Domain;

namespace OpenGms.Cases.Application;

/// <summary>Where cases, reviews and report versions are kept.</summary>
public interface ICaseStore
{
    /// <summary>A case by id.</summary>
    Task<Case?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The case of an order.</summary>
    Task<Case?> FindByOrderAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Cases, most recently changed first.</summary>
    Task<IReadOnlyList<Case>> ListAsync(IReadOnlyCollection<CaseStatus>? statuses, string? glhCode, Guid? patientId, int limit, CancellationToken cancellationToken);

    /// <summary>Review rows of a case, oldest first.</summary>
    Task<IReadOnlyList<VariantReview>> ReviewsAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Report versions of a case, by version.</summary>
    Task<IReadOnlyList<Report>> ReportsAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Report versions by report id.</summary>
    Task<IReadOnlyList<Report>> ReportVersionsAsync(Guid reportId, CancellationToken cancellationToken);

    /// <summary>Adds a new case.</summary>
    void Add(Case @case);

    /// <summary>Adds a review row.</summary>
    void Add(VariantReview review);

    /// <summary>Adds a report version.</summary>
    void Add(Report report);

    /// <summary>Saves every change; false when someone else changed the case meanwhile.</summary>
    Task<bool> SaveAsync(CancellationToken cancellationToken);
}

/// <summary>Settings of the cases module.</summary>
/// <param name="DataDirectory">The service's data folder (uploads and the generated phenopackets go under it).</param>
/// <param name="AnnotationCache">Default annotation cache for rare disease analysis, when configured.</param>
/// <param name="HpoData">Default HPO data folder for phenotype ranking, when configured.</param>
public sealed record CasesOptions(string DataDirectory, string? AnnotationCache = null, string? HpoData = null);

/// <summary>The acting user: name and role names.</summary>
/// <param name="UserName">User name.</param>
/// <param name="Roles">Role names (<c>glh-scientist</c>, <c>glh-authoriser</c>, …).</param>
public sealed record CaseActor(string UserName, IReadOnlyCollection<string> Roles)
{
    /// <summary>The GLH scientist role name.</summary>
    public const string ScientistRole = "glh-scientist";

    /// <summary>The GLH authoriser role name.</summary>
    public const string AuthoriserRole = "glh-authoriser";

    /// <summary>True when the user holds <paramref name="role"/>.</summary>
    public bool Has(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
