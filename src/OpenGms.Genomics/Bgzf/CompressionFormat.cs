namespace OpenGms.Genomics.Bgzf;

/// <summary>How a file's bytes are stored, as told by its first bytes.</summary>
public enum CompressionFormat
{
    /// <summary>Uncompressed text.</summary>
    Plain,

    /// <summary>Ordinary gzip (one or more members without the BGZF extra field): readable, not indexable.</summary>
    Gzip,

    /// <summary>Blocked gzip (SAM/BAM specification section 4.1): seekable through virtual offsets.</summary>
    Bgzf,
}
