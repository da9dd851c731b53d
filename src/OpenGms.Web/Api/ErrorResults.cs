using Microsoft.AspNetCore.Http;
using OpenGms.Kernel;

namespace OpenGms.Web.Api;

/// <summary>Maps a module's <see cref="Error"/> to an RFC 9457 problem response.</summary>
public static class ErrorResults
{
    /// <summary>The problem response for <paramref name="error"/>.</summary>
    public static IResult Problem(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        int status = error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return Results.Problem(
            statusCode: status,
            title: error.Kind.ToString(),
            detail: error.Message,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }
}
