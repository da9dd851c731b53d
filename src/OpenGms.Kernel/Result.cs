using System.Diagnostics.CodeAnalysis;

namespace OpenGms.Kernel;

/// <summary>Either a value or an <see cref="Kernel.Error"/>. Used for expected outcomes, never for programmer errors.</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, or null on success.</summary>
    public Error? Error { get; }

    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when this is a failure (a programmer error: check <see cref="IsSuccess"/> first).</summary>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"Result is a failure: {Error}");

    /// <summary>Creates a success.</summary>
    public static Result<T> Ok(T value) => new(value, null);

    /// <summary>Creates a failure.</summary>
    public static Result<T> Fail(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error);
    }

    /// <summary>Wraps a value as success.</summary>
    public static implicit operator Result<T>(T value) => Ok(value);

    /// <summary>Wraps an error as failure.</summary>
    public static implicit operator Result<T>(Error error) => Fail(error);
}
