namespace OpenGms.Orders.Domain.Lifecycle;

/// <summary>Where an order is in the service. FHIR mapping (Task.status, Task.code, Task.businessStatus) in <see cref="TaskMapping"/>.</summary>
public enum OrderStatus
{
    /// <summary>Sent by the requesting clinician, not yet taken on by the GLH.</summary>
    Requested,

    /// <summary>The GLH has accepted the request.</summary>
    Accepted,

    /// <summary>A sample has been booked into the laboratory.</summary>
    SampleReceived,

    /// <summary>In the wet laboratory (library preparation and sequencing).</summary>
    Sequencing,

    /// <summary>Bioinformatic analysis (alignment, calling, annotation).</summary>
    Analysis,

    /// <summary>A clinical scientist is interpreting the variants.</summary>
    Interpretation,

    /// <summary>The report has been authorised (second pair of eyes).</summary>
    ReportAuthorised,

    /// <summary>The report has been sent to the requester. Terminal.</summary>
    Sent,

    /// <summary>Paused (e.g. further clinical details needed); resumes to the status it left.</summary>
    OnHold,

    /// <summary>Withdrawn. Terminal.</summary>
    Cancelled,

    /// <summary>The test could not be completed. Terminal.</summary>
    Failed,
}

/// <summary>The roles that may move an order (their names are the service's role names).</summary>
public enum OrderRole
{
    /// <summary><c>requesting-clinician</c>.</summary>
    RequestingClinician,

    /// <summary><c>glh-scientist</c>.</summary>
    GlhScientist,

    /// <summary><c>glh-authoriser</c>.</summary>
    GlhAuthoriser,

    /// <summary><c>administrator</c>.</summary>
    Administrator,
}

/// <summary>Text forms of statuses and roles used in the API, the CLI and the database.</summary>
public static class OrderNames
{
    /// <summary>The kebab-case name of a status, e.g. <c>sample-received</c>.</summary>
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.Requested => "requested",
        OrderStatus.Accepted => "accepted",
        OrderStatus.SampleReceived => "sample-received",
        OrderStatus.Sequencing => "sequencing",
        OrderStatus.Analysis => "analysis",
        OrderStatus.Interpretation => "interpretation",
        OrderStatus.ReportAuthorised => "report-authorised",
        OrderStatus.Sent => "sent",
        OrderStatus.OnHold => "on-hold",
        OrderStatus.Cancelled => "cancelled",
        OrderStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The role name, e.g. <c>glh-scientist</c>.</summary>
    public static string Of(OrderRole role) => role switch
    {
        OrderRole.RequestingClinician => "requesting-clinician",
        OrderRole.GlhScientist => "glh-scientist",
        OrderRole.GlhAuthoriser => "glh-authoriser",
        OrderRole.Administrator => "administrator",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Parses a status name (kebab-case, or the enum name in any case).</summary>
    public static bool TryParseStatus(string? text, out OrderStatus status)
    {
        foreach (OrderStatus s in Enum.GetValues<OrderStatus>())
        {
            if (string.Equals(text, Of(s), StringComparison.OrdinalIgnoreCase) || string.Equals(text, s.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Parses a role name.</summary>
    public static bool TryParseRole(string? text, out OrderRole role)
    {
        foreach (OrderRole r in Enum.GetValues<OrderRole>())
        {
            if (string.Equals(text, Of(r), StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }

        role = default;
        return false;
    }
}
