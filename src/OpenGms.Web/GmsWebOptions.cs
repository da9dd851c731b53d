using OpenGms.Kernel;

namespace OpenGms.Web;

/// <summary>How to start the web service.</summary>
public sealed record GmsWebOptions
{
    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:5080</c>; port 0 picks a free one.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The database every module uses.</summary>
    public required DatabaseSettings Database { get; init; }

    /// <summary>The embedded storage folder (created when missing).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Load bundled demo data into empty stores at start.</summary>
    public bool SeedDemoData { get; init; } = true;

    /// <summary>Log only warnings and errors (tests); <c>gms serve</c> also logs start-up and shutdown.</summary>
    public bool Quiet { get; init; }

    /// <summary>Development environment (detailed errors).</summary>
    public bool Development { get; init; }

    /// <summary>
    /// Run queued jobs (analyses) inside the web process, as the embedded default does. Off when separate
    /// <c>gms worker</c> processes do the work.
    /// </summary>
    public bool RunJobs { get; init; } = true;

    /// <summary>Sign-in through an OpenID Connect provider besides local accounts; null for local accounts only.</summary>
    public OpenGms.Web.Identity.OidcSettings? Oidc { get; init; }

    /// <summary>Last-word service registrations (tests put in their own report source or identity provider here).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
