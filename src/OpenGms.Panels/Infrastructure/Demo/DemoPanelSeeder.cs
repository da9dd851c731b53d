using Microsoft.EntityFrameworkCore;
using OpenGms.Kernel;
using OpenGms.Panels.Application.ImportPanels;
using OpenGms.Panels.Infrastructure.Persistence;

namespace OpenGms.Panels.Infrastructure.Demo;

/// <summary>
/// Loads the bundled demo panels (embedded <c>demo-panels.json</c>, in PanelApp's own API format, so the ordinary
/// importer reads it) into an empty panels store. See docs/demo-data-panels.md for what they hold and where from.
/// </summary>
internal sealed class DemoPanelSeeder(PanelsDbContext db, IPanelImporter importer) : IDemoDataSeeder
{
    public const string ResourceName = "OpenGms.Panels.Demo.demo-panels.json";

    public string Module => "panels";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Panels.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        PanelImportReport report = await importer.ImportDocumentsAsync([("demo-panels.json", ReadResource())], cancellationToken).ConfigureAwait(false);
        if (!report.Stored)
        {
            throw new InvalidOperationException("The bundled demo panels do not import: " + string.Join("; ", report.Issues));
        }

        return report.Changed;
    }

    /// <summary>The bundled document's bytes.</summary>
    public static byte[] ReadResource()
    {
        using Stream stream = typeof(DemoPanelSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
