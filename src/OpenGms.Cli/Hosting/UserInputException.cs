using OpenGms.Kernel;

namespace OpenGms.Cli.Hosting;

/// <summary>Thrown inside a command for a user's mistake (bad file, missing path): printed without a stack trace.</summary>
internal sealed class UserInputException : Exception
{
    public UserInputException(Error error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        UserError = error;
    }

    public UserInputException()
        : this(Kernel.Error.BadInput("CLI000", "Bad input."))
    {
    }

    public UserInputException(string message)
        : this(Kernel.Error.BadInput("CLI000", message))
    {
    }

    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        UserError = Kernel.Error.BadInput("CLI000", message);
    }

    public Error UserError { get; }
}
