using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Audit.Contracts;
using OpenGms.Audit.Infrastructure.Persistence;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Audit.Tests;

public sealed class AuditLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Search_by_patient_returns_newest_first(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        IAuditLog log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        await log.WriteAsync(new AuditEvent("gc.one", AuditAction.Create, "patient", "p1", "127.0.0.1", null), Ct);
        await log.WriteAsync(new AuditEvent("gc.two", AuditAction.Read, "patient", "p2", "127.0.0.1", null), Ct);
        await log.WriteAsync(new AuditEvent("gc.two", AuditAction.Read, "consent", "p1", "cli", "status"), Ct);

        IReadOnlyList<AuditRecord> forP1 = await log.SearchAsync(new AuditQuery(PatientId: "p1"), Ct);
        IReadOnlyList<AuditRecord> byTwo = await log.SearchAsync(new AuditQuery(Actor: "gc.two"), Ct);

        Assert.Equal(["consent", "patient"], forP1.Select(r => r.Event.Resource));
        Assert.True(forP1[0].Sequence > forP1[1].Sequence);
        Assert.Equal(2, byTwo.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Database_refuses_update_and_delete_of_audit_lines(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(new AuditEvent("gc.one", AuditAction.Read, "patient", "p1", "127.0.0.1", null), Ct);
        AuditDbContext context = scope.ServiceProvider.GetRequiredService<AuditDbContext>();

        await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("UPDATE audit_entry SET \"Actor\" = 'someone-else'", Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("DELETE FROM audit_entry", Ct));

        Assert.Equal("gc.one", (await context.Entries.AsNoTracking().SingleAsync(Ct)).Actor);
    }

    private static async Task<ServiceProvider> OpenAsync(TestDatabase db)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddAuditModule(db.Settings);
        ServiceProvider provider = services.BuildServiceProvider();
        using IServiceScope scope = provider.CreateScope();
        foreach (IModuleDatabase module in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(Ct);
        }

        return provider;
    }
}
