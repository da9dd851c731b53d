namespace OpenGms.Kernel;

/// <summary>The category of an expected failure; each maps to one CLI exit code and one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The input (a file, a request body) is malformed or breaks a rule. CLI exit 3, HTTP 400/422.</summary>
    BadInput,

    /// <summary>The thing asked for does not exist. CLI exit 4, HTTP 404.</summary>
    NotFound,

    /// <summary>The request conflicts with the current state. CLI exit 3, HTTP 409.</summary>
    Conflict,

    /// <summary>The caller may not do this. CLI exit 3, HTTP 403.</summary>
    Forbidden,
}

/// <summary>An expected business outcome that is not success: a code for machines, a message for people.</summary>
/// <param name="Kind">The category, which decides exit code and HTTP status.</param>
/// <param name="Code">A stable code such as <c>DIR004</c>; tests assert on this, not on the message.</param>
/// <param name="Message">What went wrong, for a person.</param>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    /// <summary>Creates a not-found error.</summary>
    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    /// <summary>Creates a bad-input error.</summary>
    public static Error BadInput(string code, string message) => new(ErrorKind.BadInput, code, message);

    /// <summary>Creates a conflict error.</summary>
    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
