using Microsoft.EntityFrameworkCore;
using OpenGms.Kernel;
using OpenGms.Panels.Application.ImportPanels;
using OpenGms.Panels.Infrastructure.Persistence;

namespace OpenGms.Panels.Infrastructure.Demo;

/// <summary>
/// Loads the bundled demo panels (embedded JSON in PanelApp's own API format, one detail response per panel plus a
/// list page of older signed-off versions, so the ordinary importer reads them) into an empty panels store.
/// See docs/demo-data-panels.md for what they hold and where the facts come from.
/// </summary>
internal sealed class DemoPanelSeeder(PanelsDbContext db, IPanelImporter importer) : IDemoDataSeeder
{
    private const string ResourcePrefix = "OpenGms.Panels.Demo.";

    public string Module => "panels";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Panels.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        PanelImportReport report = await importer.ImportDocumentsAsync(ReadResources(), cancellationToken).ConfigureAwait(false);
        if (!report.Stored)
        {
            throw new InvalidOperationException("The bundled demo panels do not import: " + string.Join("; ", report.Issues));
        }

        return report.Changed;
    }

    /// <summary>The bundled documents (name, bytes), in name order.</summary>
    public static IReadOnlyList<(string Name, byte[] Json)> ReadResources()
    {
        var documents = new List<(string, byte[])>();
        foreach (string name in typeof(DemoPanelSeeder).Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using Stream stream = typeof(DemoPanelSeeder).Assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            documents.Add((name[ResourcePrefix.Length..], buffer.ToArray()));
        }

        return documents;
    }
}
