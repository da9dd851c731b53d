using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Web;
using OpenGms.Web.Composition;

namespace OpenGms.Testing;

/// <summary>
/// The real web service on Kestrel, bound to a free loopback port, over a throwaway database (demo data loaded).
/// API tests call it with a real HttpClient; browser tests point Chromium at <see cref="BaseAddress"/>.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestDatabase _database;

    private RunningService(WebApplication app, TestDatabase database, Uri baseAddress)
    {
        _app = app;
        _database = database;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Where the service listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for <see cref="BaseAddress"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>The service's DI container, for arranging data through the modules' own services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the service on <paramref name="provider"/> ("sqlite" or "postgres").</summary>
    public static async Task<RunningService> StartAsync(string provider = "sqlite", bool seedDemoData = true, CancellationToken ct = default)
    {
        TestDatabase database = await TestDatabases.CreateAsync(provider, ct).ConfigureAwait(false);
        WebApplication app = GmsWebApplication.Create(new GmsWebOptions
        {
            Urls = "http://127.0.0.1:0",
            Database = database.Settings,
            DataDirectory = database.DataDirectory,
            SeedDemoData = seedDemoData,
        });
        await OpenGmsServices.InitialiseAsync(app.Services, seedDemoData, log: null, ct).ConfigureAwait(false);
        await app.StartAsync(ct).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningService(app, database, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }
}
