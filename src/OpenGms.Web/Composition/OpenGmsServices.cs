using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Audit;
using OpenGms.Consent;
using OpenGms.Directory;
using OpenGms.Orders;
using OpenGms.Web.Identity;
using OpenGms.Kernel;

namespace OpenGms.Web.Composition;

/// <summary>The one place that wires every module: both hosts (web and CLI) call it.</summary>
public static class OpenGmsServices
{
    /// <summary>Registers every module against one database; keys for cookies and tokens live under <paramref name="dataDirectory"/>.</summary>
    public static IServiceCollection AddOpenGms(this IServiceCollection services, DatabaseSettings database, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        // Keys for cookies, anti-forgery and account tokens live with the data, so a restart does not sign everyone out.
        IDataProtectionBuilder protection = services.AddDataProtection().SetApplicationName("OpenGMS");
        if (dataDirectory is not null)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }

        services.AddSingleton(database);
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddLogging();
        services.AddAccounts(database);
        services.AddAuditModule(database);
        // Modules register themselves here, one line each.
        services.AddConsentModule(database);
        OpenGms.Panels.PanelsModule.AddPanelsModule(services, database);
        services.AddDirectoryModule(database);
        OpenGms.Jobs.JobsModule.AddJobsModule(services, database);
        services.AddSingleton(new OpenGms.Pharmacogenomics.Contracts.PgxServiceLoader(null, dataDirectory));
        services.AddScoped<OpenGms.Jobs.Contracts.IJobHandler, OpenGms.Pharmacogenomics.Contracts.PgxCallJob>();
        services.AddScoped<OpenGms.Interpretation.Application.Analysis.TestPanelResolver>();
        services.AddScoped<OpenGms.Interpretation.Contracts.RareDiseaseAnalysisJob>();
        services.AddScoped<OpenGms.Jobs.Contracts.IJobHandler>(sp => sp.GetRequiredService<OpenGms.Interpretation.Contracts.RareDiseaseAnalysisJob>());
        services.AddSingleton(new GmsDataDirectory(dataDirectory ?? Path.Combine(Path.GetTempPath(), "opengms-data")));
        services.AddOrdersModule(database);
        // Authorised reports of the case review module, for the FHIR DiagnosticReport routes.
        services.AddScoped<OpenGms.Web.Fhir.IGenomicReportSource, OpenGms.Web.Fhir.CaseReportSource>();
        OpenGms.Cases.CasesModule.AddCasesModule(services, database, new OpenGms.Cases.Application.CasesOptions(dataDirectory ?? Path.Combine(Path.GetTempPath(), "opengms-data")));
        return services;
    }

    /// <summary>Applies every module's migrations, then (optionally) seeds demo data into empty stores.</summary>
    public static async Task InitialiseAsync(IServiceProvider services, bool seedDemoData, TextWriter? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        using IServiceScope scope = services.CreateScope();
        foreach (IModuleDatabase database in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!seedDemoData)
        {
            return;
        }

        foreach (IDemoDataSeeder seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
        {
            if (await seeder.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false))
            {
                log?.WriteLine($"Loaded bundled demo data: {seeder.Module}");
            }
        }
    }
}

/// <summary>The service's data folder (SQLite file, keys, uploaded files that queued jobs read).</summary>
/// <param name="Path">The folder.</param>
public sealed record GmsDataDirectory(string Path);
