using OpenGms.Kernel;

namespace OpenGms.Directory.Contracts;

/// <summary>What other modules (orders, interpretation) and the hosts may ask of the test directory.</summary>
public interface IDirectoryCatalog
{
    /// <summary>Every stored edition, newest first within each kind.</summary>
    Task<IReadOnlyList<EditionView>> ListEditionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Searches codes (R134, R134.1, prefixes), names (words, case-insensitive) and gene symbols (LDLR: the tests
    /// covering it through explicit genes or panel targets). <paramref name="edition"/> null searches the current
    /// edition of each kind. Fails with <c>DIR020</c> for an unknown edition, <c>DIR022</c> for an empty query.
    /// </summary>
    Task<Result<IReadOnlyList<SearchHitView>>> SearchAsync(string query, int limit, string? edition, CancellationToken cancellationToken);

    /// <summary>An indication with its tests and their genes; <paramref name="edition"/> null takes the current one of its kind.</summary>
    Task<Result<IndicationView>> GetIndicationAsync(string code, string? edition, CancellationToken cancellationToken);

    /// <summary>A test with its genes; <paramref name="edition"/> null takes the current one of its kind.</summary>
    Task<Result<TestView>> GetTestAsync(string code, string? edition, CancellationToken cancellationToken);

    /// <summary>
    /// Every indication and test of <paramref name="edition"/> (key or version), targets as stored and genes not
    /// resolved (for exports such as the FHIR CodeSystem). Fails with <c>DIR020</c> for an unknown edition.
    /// </summary>
    Task<Result<EditionContentView>> GetEditionContentAsync(string edition, CancellationToken cancellationToken);

    /// <summary>Indications and tests added, removed and changed from <paramref name="from"/> to <paramref name="to"/>.</summary>
    Task<Result<EditionDiffView>> DiffAsync(string from, string to, CancellationToken cancellationToken);
}
