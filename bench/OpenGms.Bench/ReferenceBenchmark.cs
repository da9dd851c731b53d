using BenchmarkDotNet.Attributes;
using OpenGms.Genomics.Reference;

namespace OpenGms.Bench;

/// <summary>A benchmark over a FASTA written to a temporary folder in its setup and deleted in its cleanup.</summary>
public abstract class ReferenceBenchmark : IDisposable
{
    private string _directory = "";

    /// <summary>The reference opened by <see cref="OpenReference"/>.</summary>
    protected ReferenceGenome? Reference { get; private set; }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes <paramref name="fasta"/> (the whole file's text) to a new temporary folder and opens it.</summary>
    protected void OpenReference(string folderPrefix, string fasta)
    {
        _directory = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        string path = Path.Combine(_directory, "ref.fa");
        File.WriteAllText(path, fasta);
        Reference = ReferenceGenome.Open(path).Value;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        Reference?.Dispose();
        Reference = null;
        if (_directory.Length > 0 && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
