namespace OpenGms.Kernel;

/// <summary>The time source. Domain code asks this, never <see cref="DateTimeOffset.UtcNow"/>, so tests can fix time.</summary>
public interface IClock
{
    /// <summary>The current instant, in UTC.</summary>
    DateTimeOffset UtcNow { get; }
}

/// <summary>The wall clock.</summary>
public sealed class SystemClock : IClock
{
    /// <summary>The shared instance.</summary>
    public static SystemClock Instance { get; } = new();

    /// <inheritdoc />
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}
