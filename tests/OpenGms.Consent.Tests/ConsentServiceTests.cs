using Microsoft.Extensions.DependencyInjection;
using OpenGms.Consent.Application;
using OpenGms.Consent.Contracts;
using OpenGms.Consent.Domain;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Consent.Tests;

public sealed class ConsentServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Withdrawal_excludes_patient_from_research_at_once(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        ConsentService consent = scope.ServiceProvider.GetRequiredService<ConsentService>();
        IResearchConsent research = scope.ServiceProvider.GetRequiredService<IResearchConsent>();
        PatientView a = (await consent.RegisterAsync(new NewPatient("9434765919", "Ann", "Smith", new DateOnly(1980, 1, 2), AdministrativeSex.Female), Ct)).Value;
        PatientView b = (await consent.RegisterAsync(new NewPatient("4010232137", "Bob", "Jones", new DateOnly(1975, 5, 6), AdministrativeSex.Male), Ct)).Value;
        await consent.RecordDiscussionAsync(a.Id, ConsentDecision.Yes, ConsentDecision.Yes, "gc.one", null, Ct);
        await consent.RecordDiscussionAsync(b.Id, ConsentDecision.Yes, ConsentDecision.Yes, "gc.one", null, Ct);
        Assert.Equal(2, (await research.AllIncludedAsync(Ct)).Count);

        await consent.RecordDiscussionAsync(a.Id, ConsentDecision.Yes, ConsentDecision.No, "gc.two", "withdrew from research", Ct);

        IReadOnlySet<PatientId> included = await research.AllIncludedAsync(Ct);
        Assert.Equal([b.Id], included);
        Assert.False(await research.IsIncludedAsync(a.Id, Ct));
        Assert.Equal([b.Id], await research.IncludedAsync([a.Id, b.Id], Ct));
        ConsentStatus status = (await consent.StatusAsync(a.Id, Ct)).Value;
        Assert.Equal(ConsentDecision.No, status.Research);
        Assert.Equal(ConsentDecision.Yes, status.ClinicalTesting);
        Assert.Equal(2, (await consent.HistoryAsync(a.Id, Ct)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Research_not_asked_or_declined_is_never_included(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        ConsentService consent = scope.ServiceProvider.GetRequiredService<ConsentService>();
        PatientView never = (await consent.RegisterAsync(new NewPatient("9434765919", "Ann", "Smith", new DateOnly(1980, 1, 2), AdministrativeSex.Female), Ct)).Value;
        PatientView notAsked = (await consent.RegisterAsync(new NewPatient("4010232137", "Bob", "Jones", new DateOnly(1975, 5, 6), AdministrativeSex.Male), Ct)).Value;
        await consent.RecordDiscussionAsync(notAsked.Id, ConsentDecision.Yes, ConsentDecision.NotAsked, "gc.one", null, Ct);

        Assert.Empty(await consent.AllIncludedAsync(Ct));
        Assert.Equal(ConsentDecision.NotAsked, (await consent.StatusAsync(never.Id, Ct)).Value.Research);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Register_same_nhs_number_twice_is_conflict(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        ConsentService consent = scope.ServiceProvider.GetRequiredService<ConsentService>();
        await consent.RegisterAsync(new NewPatient("9434765919", "Ann", "Smith", new DateOnly(1980, 1, 2), AdministrativeSex.Female), Ct);

        Result<PatientView> again = await consent.RegisterAsync(new NewPatient("943 476 5919", "Anne", "Smith", new DateOnly(1980, 1, 2), AdministrativeSex.Female), Ct);

        Assert.Equal("PAT003", again.Error?.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LinkRelative_builds_family_with_proband(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        ConsentService consent = scope.ServiceProvider.GetRequiredService<ConsentService>();
        PatientView child = (await consent.RegisterAsync(new NewPatient("9434765919", "Cal", "Smith", new DateOnly(2015, 1, 2), AdministrativeSex.Male), Ct)).Value;
        PatientView mother = (await consent.RegisterAsync(new NewPatient("4010232137", "Dee", "Smith", new DateOnly(1985, 5, 6), AdministrativeSex.Female), Ct)).Value;

        Result<IReadOnlyList<PatientView>> family = await consent.LinkRelativeAsync(child.Id, mother.Id, "Mother", Ct);

        Assert.True(family.IsSuccess);
        Assert.Equal(2, family.Value.Count);
        Assert.Contains(family.Value, p => p.Id == child.Id && p.RelationshipToProband == "proband");
        Assert.Contains(family.Value, p => p.Id == mother.Id && p.RelationshipToProband == "mother");
    }

    [Fact]
    public async Task Register_invalid_nhs_number_is_refused_with_code()
    {
        await using TestDatabase db = await TestDatabases.CreateAsync("sqlite", Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        ConsentService consent = scope.ServiceProvider.GetRequiredService<ConsentService>();

        Result<PatientView> result = await consent.RegisterAsync(new NewPatient("9434765918", "Ann", "Smith", new DateOnly(1980, 1, 2), AdministrativeSex.Female), Ct);

        Assert.Equal("NHS004", result.Error?.Code);
    }

    private static async Task<ServiceProvider> OpenAsync(TestDatabase db)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddConsentModule(db.Settings);
        ServiceProvider provider = services.BuildServiceProvider();
        using IServiceScope scope = provider.CreateScope();
        foreach (IModuleDatabase module in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(Ct);
        }

        return provider;
    }
}
