using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace OpenGms.Web.Api;

/// <summary>
/// Serves the few CSS/JS files from resources embedded in this assembly, so the service needs no wwwroot folder on
/// disk wherever it is hosted (the CLI, tests). Each response carries a strong ETag.
/// </summary>
internal static class StaticAssets
{
    private static readonly Dictionary<string, (byte[] Bytes, string ContentType, string ETag)> s_assets = Load();

    public static void MapEmbeddedAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            if (!s_assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=300";
            if (http.Request.Headers.IfNoneMatch == asset.ETag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(asset.Bytes, asset.ContentType, entityTag: new EntityTagHeaderValue(asset.ETag));
        }).ExcludeFromDescription().AllowAnonymous();
    }

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var result = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        Assembly assembly = typeof(StaticAssets).Assembly;
        const string Prefix = "OpenGms.Web.Assets.";
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string name = resource[Prefix.Length..];
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] bytes = buffer.ToArray();
            string type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
            result[name] = (bytes, type, etag);
        }

        return result;
    }
}
