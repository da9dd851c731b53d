using OpenGms.Kernel;
using OpenGms.Orders.Domain.Routing;

namespace OpenGms.Orders.Application.Routing;

/// <summary>Loading and showing the GLH routing table.</summary>
public sealed class RoutingService(IRoutingStore store)
{
    /// <summary>What an import did.</summary>
    /// <param name="Glhs">GLHs.</param>
    /// <param name="Organisations">Referring organisations.</param>
    /// <param name="SpecialistTests">Specialist tests.</param>
    public sealed record ImportSummary(int Glhs, int Organisations, int SpecialistTests);

    /// <summary>The current table.</summary>
    public Task<RoutingTable> TableAsync(CancellationToken cancellationToken) => store.LoadAsync(cancellationToken);

    /// <summary>
    /// Replaces the table with the file's content in one transaction; a file with any issue stores nothing and the
    /// issues are returned (the error names the first; <paramref name="issues"/> holds all).
    /// </summary>
    public async Task<Result<ImportSummary>> ImportAsync(TextReader reader, string fileName, List<RoutingIssue> issues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        RoutingReadResult read = RoutingTableReader.Read(reader, fileName);
        issues.AddRange(read.Issues);
        if (read.Table is null)
        {
            RoutingIssue first = read.Issues[0];
            return Error.BadInput(first.Code, $"{read.Issues.Count} problem(s) in the routing table; nothing was stored. First: {first}");
        }

        await store.ReplaceAsync(read.Table, cancellationToken).ConfigureAwait(false);
        return new ImportSummary(read.Table.Glhs.Count, read.Table.Organisations.Count, read.Table.SpecialistTests.Count);
    }
}
