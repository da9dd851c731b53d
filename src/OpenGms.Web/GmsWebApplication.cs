using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenGms.Web.Api;
using OpenGms.Web.Composition;

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
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // Keys are stored unencrypted in the data folder (protected by file permissions); say so once, not at every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        builder.Services.AddOpenGms(options.Database);
        // Keys for cookies and anti-forgery tokens live with the data, so a restart does not sign everyone out.
        builder.Services.AddDataProtection()
            .SetApplicationName("OpenGMS")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory, "keys")));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddRazorPages();

        WebApplication app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapEmbeddedAssets();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/health", () => Results.Ok(new { status = "ready" })).WithName("Health").WithTags("Service");
        app.MapDirectoryEndpoints();
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
