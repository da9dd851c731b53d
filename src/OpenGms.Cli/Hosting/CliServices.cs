using Microsoft.Extensions.DependencyInjection;
using OpenGms.Web.Composition;

namespace OpenGms.Cli.Hosting;

/// <summary>The module services for one CLI command, over the store the global options name.</summary>
internal static class CliServices
{
    /// <summary>Builds the provider and applies pending migrations (commands always see a current schema).</summary>
    public static async Task<ServiceProvider> OpenAsync(CliContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        System.IO.Directory.CreateDirectory(context.DataDirectory);
        var services = new ServiceCollection();
        services.AddOpenGms(context.Database, context.DataDirectory);
        ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await OpenGmsServices.InitialiseAsync(provider, seedDemoData: false, log: null, ct).ConfigureAwait(false);
        return provider;
    }
}
