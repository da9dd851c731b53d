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
    public static Task<RunningService> StartAsync(string provider = "sqlite", bool seedDemoData = true, CancellationToken ct = default) =>
        StartAsync(provider, seedDemoData, adjust: null, ct);

    /// <summary>
    /// As <see cref="StartAsync(string, bool, CancellationToken)"/>, with the options adjusted first (an identity
    /// provider, registrations that replace the service's own).
    /// </summary>
    public static async Task<RunningService> StartAsync(string provider, bool seedDemoData, Func<GmsWebOptions, GmsWebOptions>? adjust, CancellationToken ct = default)
    {
        TestDatabase database = await TestDatabases.CreateAsync(provider, ct).ConfigureAwait(false);
        var options = new GmsWebOptions
        {
            Urls = "http://127.0.0.1:0",
            Database = database.Settings,
            DataDirectory = database.DataDirectory,
            SeedDemoData = seedDemoData,
            Quiet = true,
        };
        WebApplication app = GmsWebApplication.Create(adjust is null ? options : adjust(options));
        await OpenGmsServices.InitialiseAsync(app.Services, seedDemoData, log: null, ct).ConfigureAwait(false);
        await app.StartAsync(ct).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningService(app, database, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Creates a local account with <paramref name="roles"/> through the accounts service and returns a client signed in
    /// as that user (cookie kept by the client). The caller disposes the client.
    /// </summary>
    public Task<HttpClient> SignedInClientAsync(string userName, params string[] roles) => SignedInClientAsync(userName, roles, glh: null);

    /// <summary>
    /// As <see cref="SignedInClientAsync(string, string[])"/>, for an account tied to a GLH (GLH scientists and
    /// authorisers need one).
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string[] roles, string? glh)
    {
        const string Password = "correct-horse-battery-staple";
        using (IServiceScope scope = Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<OpenGms.Web.Identity.AccountService>();
            Kernel.Result<string> created = await accounts.CreateAsync(userName, Password, roles, glh).ConfigureAwait(false);
            if (!created.IsSuccess)
            {
                throw new InvalidOperationException($"Could not create test user {userName}: {created.Error}");
            }
        }

        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };
        using HttpResponseMessage login = await client.PostAsync(
            new Uri("api/account/login", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { userName, password = Password })).ConfigureAwait(false);
        login.EnsureSuccessStatusCode();
        return client;
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
