using OpenGms.Kernel;

namespace OpenGms.Pharmacogenomics.Contracts;

/// <summary>
/// Opens the definitions once, on first use, for a long-running host (the web service): the imported set under the
/// data folder, else the bundled demo. A failure (a damaged imported set) is kept and reported to every caller.
/// </summary>
public sealed class PgxServiceLoader
{
    private readonly Lazy<Result<PgxService>> _service;

    /// <summary>Creates a loader; nothing is read until <see cref="Get"/>.</summary>
    /// <param name="definitionsDirectory">An explicit PharmCAT-format folder, or null.</param>
    /// <param name="dataDirectory">The data folder holding an imported set, or null.</param>
    public PgxServiceLoader(string? definitionsDirectory, string? dataDirectory)
    {
        _service = new Lazy<Result<PgxService>>(() => PgxService.Open(definitionsDirectory, dataDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The service, or why it could not be opened.</summary>
    public Result<PgxService> Get() => _service.Value;
}
