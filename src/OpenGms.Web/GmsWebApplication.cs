using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenGms.Web.Api;
using OpenGms.Web.Composition;
using OpenGms.Web.Identity;

namespace OpenGms.Web;

/// <summary>Builds the web service: UI pages, REST API, FHIR endpoints, health. Hosted by <c>gms serve</c> and by tests.</summary>
public static class GmsWebApplication
{
    /// <summary>Creates the application (not yet started).</summary>
    public static WebApplication Create(GmsWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        System.IO.Directory.CreateDirectory(options.DataDirectory);
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GmsWebApplication).Assembly.GetName().Name,
            EnvironmentName = options.Development ? Environments.Development : Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", options.Quiet ? LogLevel.Warning : LogLevel.Information);
        // Keys are stored unencrypted in the data folder (protected by file permissions); say so once, not at every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        builder.Services.AddOpenGms(options.Database, options.DataDirectory);
        if (options.RunJobs)
        {
            builder.Services.AddHostedService<JobWorkerService>();
        }

        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddWebAuthentication(options.Oidc);
        options.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddRazorPages(o =>
        {
            // Public pages: the directory and panels are open to everyone; the rest needs a signed-in user (fallback policy).
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToFolder("/Directory");
            o.Conventions.AllowAnonymousToFolder("/Panels");
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AuthorizeFolder("/Pgx", GmsPolicies.ReadPharmacogenomics);
            // Orders: every page names a role policy; the order form and the worklist narrow it further.
            o.Conventions.AuthorizeFolder("/Orders", GmsPolicies.ReadOrders);
            o.Conventions.AuthorizePage("/Orders/New", GmsPolicies.PlaceOrders);
            o.Conventions.AuthorizePage("/Orders/Worklist", GmsPolicies.OrderWorklist);
            o.Conventions.AuthorizePage("/Orders/Dashboard", GmsPolicies.OrderWorklist);
            o.Conventions.AuthorizeFolder("/Patients", GmsPolicies.ReadPatients);
            o.Conventions.AuthorizeFolder("/Audit", GmsPolicies.ReadAudit);
            o.Conventions.AuthorizeFolder("/Cases", GmsPolicies.ReviewCases);
            o.Conventions.AuthorizePage("/Cases/Attach", GmsPolicies.EditCases);
            o.Conventions.AuthorizeFolder("/Reports", GmsPolicies.ReadReports);
        });

        WebApplication app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapEmbeddedAssets();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/health", () => Results.Ok(new { status = "ready" })).WithName("Health").WithTags("Service").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapPatientEndpoints();
        app.MapPanelsEndpoints();
        app.MapDirectoryEndpoints();
        app.MapJobEndpoints();
        app.MapPgxEndpoints();
        app.MapOrderEndpoints();
        app.MapCaseEndpoints();
        app.MapFhirOrderEndpoints();
        app.MapFhirReportEndpoints();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Migrates and seeds, then runs until <paramref name="cancellationToken"/> fires or the host is stopped.</summary>
    public static async Task RunAsync(GmsWebOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using WebApplication app = Create(options);
        await OpenGmsServices.InitialiseAsync(app.Services, options.SeedDemoData, log, cancellationToken).ConfigureAwait(false);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
