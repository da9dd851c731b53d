using System.Reflection;
using OpenGms.Directory.Application;
using OpenGms.Directory.Application.ImportEdition;
using OpenGms.Directory.Infrastructure.Import;
using OpenGms.Kernel;

namespace OpenGms.Directory.Infrastructure.DemoData;

/// <summary>
/// Loads the bundled demo directory (an embedded <c>opengms-test-directory</c> JSON written by us from published facts,
/// described in docs/demo-data.md) into an empty store.
/// </summary>
internal sealed class DirectoryDemoDataSeeder(IDirectoryStore store, EditionImporter importer, PanelGeneIndex index) : IDemoDataSeeder
{
    public const string ResourcePrefix = "OpenGms.Directory.DemoData.";

    public string Module => "directory";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        bool wrote = false;
        foreach ((string name, byte[] bytes) in Resources())
        {
            EditionReadResult read = EditionFileReader.Read(bytes, name, jsonSourceFormat: "opengms-demo");
            ImportOutcome outcome = await importer.StoreAsync(read, cancellationToken).ConfigureAwait(false);
            if (outcome.Error is not null)
            {
                // The bundled files are ours and tested; failing here is a build fault, not a user error.
                throw new InvalidOperationException($"Bundled demo directory {name} does not import: {outcome.Error}");
            }

            wrote |= outcome.Summary is { Unchanged: false };
        }

        index.Invalidate();
        return wrote;
    }

    internal static IEnumerable<(string Name, byte[] Bytes)> Resources()
    {
        Assembly assembly = typeof(DirectoryDemoDataSeeder).Assembly;
        foreach (string resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return (resource[ResourcePrefix.Length..], buffer.ToArray());
        }
    }
}
