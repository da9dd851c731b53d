namespace OpenGms.Orders.Domain.Lifecycle;

/// <summary>A status as a FHIR R4 Task states it.</summary>
/// <param name="TaskStatus">Task.status (http://hl7.org/fhir/task-status).</param>
/// <param name="TaskCode">Task.code from the NHS England genomics task codes: the stage of the test.</param>
/// <param name="BusinessStatus">Task.businessStatus from the NHS England genomics business statuses, where one fits.</param>
public sealed record TaskState(string TaskStatus, string TaskCode, string? BusinessStatus);

/// <summary>
/// Maps the lifecycle onto FHIR Task as the NHS England Genomic Medicine Service IG does: Task.status for the coarse
/// state, Task.code (CodeSystem task-code-genomics) for the stage, Task.businessStatus (CodeSystem
/// business-status-genomics, version 0.4.1) where that code system has a code. It has none for "accepted",
/// "sequencing" or "report authorised", so those carry only status and stage; a transition may add one of the
/// code system's codes as its reason (e.g. <c>further-clinical-details-required</c> when putting an order on hold).
/// </summary>
public static class TaskMapping
{
    /// <summary>The business status code system.</summary>
    public const string BusinessStatusSystem = "https://fhir.nhs.uk/CodeSystem/business-status-genomics";

    /// <summary>The task code system.</summary>
    public const string TaskCodeSystem = "https://fhir.nhs.uk/CodeSystem/task-code-genomics";

    /// <summary>Every code of business-status-genomics 0.4.1 (checked against the published file by a test).</summary>
    public static IReadOnlyList<string> BusinessStatusCodes { get; } =
    [
        "determining-test-recoverability", "test-recoverable", "notifying-requester-of-failure", "sample-requested",
        "sample-availability-confirmed", "sample-booked-into-lab", "variants-priorities-list-required",
        "variants-priorities-list-retrieved", "previous-genomic-sequence-data-required", "previous-genomic-sequence-data-retrieved",
        "remote-sample-prep-required", "sample-sent", "sample-received", "sample-stored", "further-sample-prep-required",
        "remote-processing-required", "remote-genomic-data-processing-required", "remote-interpretation-required",
        "further-clinical-details-required", "further-clinical-details-provided", "reflex-confirmatory-test-required",
        "reflex-confirmatory-test-complete", "other",
    ];

    /// <summary>The task codes used (checked against the published file by a test).</summary>
    public static IReadOnlyList<string> TaskCodes { get; } =
    [
        "process-genomic-test-request", "sample-processing", "genetic-genomic-data-processing", "interpretation",
        "produce-final-report", "distribute-report",
    ];

    /// <summary>The Task state of <paramref name="status"/>; <paramref name="heldFrom"/> gives the stage of an order on hold.</summary>
    public static TaskState For(OrderStatus status, OrderStatus? heldFrom = null) => status switch
    {
        OrderStatus.Requested => new("requested", "process-genomic-test-request", null),
        OrderStatus.Accepted => new("accepted", "process-genomic-test-request", null),
        OrderStatus.SampleReceived => new("in-progress", "sample-processing", "sample-received"),
        OrderStatus.Sequencing => new("in-progress", "sample-processing", null),
        OrderStatus.Analysis => new("in-progress", "genetic-genomic-data-processing", null),
        OrderStatus.Interpretation => new("in-progress", "interpretation", null),
        OrderStatus.ReportAuthorised => new("in-progress", "produce-final-report", null),
        OrderStatus.Sent => new("completed", "distribute-report", null),
        OrderStatus.OnHold => new("on-hold", For(heldFrom ?? OrderStatus.Requested).TaskCode, null),
        OrderStatus.Cancelled => new("cancelled", "process-genomic-test-request", null),
        OrderStatus.Failed => new("failed", "process-genomic-test-request", "notifying-requester-of-failure"),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>True when <paramref name="code"/> is a code of business-status-genomics.</summary>
    public static bool IsBusinessStatus(string code) => BusinessStatusCodes.Contains(code, StringComparer.Ordinal);
}
