namespace OpenGms.Cli.Hosting;

/// <summary>The documented exit codes of <c>gms</c> (README, "Exit codes").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int Usage = 2;
    public const int BadInput = 3;
    public const int NotFound = 4;

    public static int For(Kernel.ErrorKind kind) => kind switch
    {
        Kernel.ErrorKind.NotFound => NotFound,
        _ => BadInput,
    };
}
