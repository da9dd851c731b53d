using Microsoft.Extensions.DependencyInjection;
using OpenGms.Consent.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Application;
using OpenGms.Orders.Contracts;
using OpenGms.Orders.Domain;
using OpenGms.Orders.Domain.Eligibility;
using OpenGms.Orders.Domain.Lifecycle;
using OpenGms.Testing;
using OpenGms.Web.Composition;

namespace OpenGms.Orders.Tests;

public sealed class OrderServiceTests
{
    private static readonly OrderActor s_clinician = new("dr.lee", [OrderRole.RequestingClinician]);
    private static readonly OrderActor s_scientist = new("sci.khan", [OrderRole.GlhScientist]);
    private static readonly OrderActor s_authoriser = new("auth.ng", [OrderRole.GlhAuthoriser]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PlaceOrderRequest FhOrder(string nhs = "9434765919") => new()
    {
        NhsNumber = nhs,
        NewPatient = new PatientDetails(nhs, "Ann", "Smith", new DateOnly(1980, 1, 2), "female"),
        TestCode = "R134.1",
        OrganisationOds = "RW3",
        RequesterName = "Dr Lee",
        HpoTerms = ["HP:0003124", "HP:0003124"],
        ClinicalNotes = "LDL 7.1 untreated",
        Relatives = [new RelativeToTest("Mother", null)],
        Eligibility = new EligibilityAnswers { Fh = new FhAssessment { LdlCholesterolMmolPerL = 8.6m, TendonXanthomata = true } },
    };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Place_pins_panel_routes_and_records_eligibility(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        OrderService orders = scope.ServiceProvider.GetRequiredService<OrderService>();

        Result<OrderView> placed = await orders.PlaceAsync(FhOrder(), s_clinician, Ct);

        Assert.True(placed.IsSuccess, placed.Error?.ToString());
        OrderView order = (await orders.GetAsync(placed.Value.Id, Ct)).Value;
        Assert.Equal("requested", order.Status);
        Assert.Equal("R134", order.IndicationCode);
        PinnedPanelView panel = Assert.Single(order.Panels);
        Assert.Equal(772, panel.PanelId);
        Assert.False(string.IsNullOrEmpty(panel.Version));
        Assert.True(panel.GreenGenes > 0);
        Assert.Equal("north-west", order.GlhCode);
        Assert.True(order.Eligibility.Eligible);
        Assert.Equal(["HP:0003124"], order.HpoTerms);
        Assert.Equal("mother", Assert.Single(order.Relatives).Relationship);
        Assert.Equal("9434765919", order.NhsNumber);
        Assert.Single(order.History);
        Assert.Equal("requested", order.Task.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Ineligible_order_needs_a_justification(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        OrderService orders = scope.ServiceProvider.GetRequiredService<OrderService>();
        PlaceOrderRequest request = FhOrder() with { Eligibility = new EligibilityAnswers { Fh = new FhAssessment { LdlCholesterolMmolPerL = 4.2m } } };

        Result<OrderView> refused = await orders.PlaceAsync(request, s_clinician, Ct);
        Result<OrderView> justified = await orders.PlaceAsync(request with { Justification = "Strong family history; MDT agreed" }, s_clinician, Ct);

        Assert.Equal("ORD006", refused.Error?.Code);
        Assert.True(justified.IsSuccess, justified.Error?.ToString());
        Assert.False(justified.Value.Eligibility.Eligible);
        Assert.Equal("Strong family history; MDT agreed", (await orders.GetAsync(justified.Value.Id, Ct)).Value.Eligibility.Justification);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Lifecycle_runs_to_sent_by_allowed_roles_and_measures_turnaround(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        OrderService orders = scope.ServiceProvider.GetRequiredService<OrderService>();
        Guid id = (await orders.PlaceAsync(FhOrder(), s_clinician, Ct)).Value.Id;

        Assert.Equal("ORD010", (await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.Accepted, null, null), s_clinician, Ct)).Error?.Code);
        Assert.True((await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.Accepted, null, null), s_scientist, Ct)).IsSuccess);
        Assert.Equal("ORD013", (await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.SampleReceived, null, null), s_scientist, Ct)).Error?.Code);
        Result<OrderView> received = await orders.AttachSampleAsync(id, new NewSample("RGT03135", "445295009", "Blood specimen with EDTA", null, Received: true), s_scientist, Ct);
        Assert.Equal("sample-received", received.Value.Status);
        Assert.Equal("sample-received", received.Value.Task.BusinessStatus);
        Assert.NotNull(Assert.Single(received.Value.Samples).ReceivedAt);
        foreach (OrderStatus step in new[] { OrderStatus.Sequencing, OrderStatus.Analysis, OrderStatus.Interpretation })
        {
            Assert.True((await orders.TransitionAsync(id, new TransitionRequest(step, null, null), s_scientist, Ct)).IsSuccess, step.ToString());
        }

        Assert.Equal("ORD010", (await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.ReportAuthorised, null, null), s_scientist, Ct)).Error?.Code);
        Assert.True((await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.ReportAuthorised, null, null), s_authoriser, Ct)).IsSuccess);
        OrderView sent = (await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.Sent, null, null), s_authoriser, Ct)).Value;

        Assert.Equal("sent", sent.Status);
        Assert.Equal("completed", sent.Task.Status);
        Assert.Equal(8, sent.History.Count);
        Assert.Equal(["requested", "accepted", "sample-received", "sequencing", "analysis", "interpretation", "report-authorised", "sent"], sent.History.Skip(1).Select(h => h.From).Append(sent.Status));
        Assert.Equal("ORD009", (await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.Cancelled, null, null), new OrderActor("admin", [OrderRole.Administrator]), Ct)).Error?.Code);
        TurnaroundView turnaround = Assert.Single(await orders.TurnaroundAsync(Ct));
        Assert.Equal(("north-west", "R134.1", 1, 0), (turnaround.GlhCode, turnaround.TestCode, turnaround.Completed, turnaround.Open));
        Assert.NotNull(turnaround.MedianDays);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OnHold_records_business_status_and_resumes(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        OrderService orders = scope.ServiceProvider.GetRequiredService<OrderService>();
        Guid id = (await orders.PlaceAsync(FhOrder(), s_clinician, Ct)).Value.Id;

        Assert.Equal("ORD012", (await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.OnHold, "waiting", null), s_scientist, Ct)).Error?.Code);
        OrderView held = (await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.OnHold, "further-clinical-details-required", "family history unclear"), s_scientist, Ct)).Value;
        Assert.Equal(("on-hold", "requested", "further-clinical-details-required"), (held.Status, held.HeldFrom, held.Task.BusinessStatus));
        Assert.Equal("ORD009", (await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.Accepted, null, null), s_scientist, Ct)).Error?.Code);
        OrderView resumed = (await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.Requested, "further-clinical-details-provided", null), s_scientist, Ct)).Value;

        Assert.Equal("requested", resumed.Status);
        Assert.Null(resumed.HeldFrom);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Clinician_cancels_own_order_but_not_anothers(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        OrderService orders = scope.ServiceProvider.GetRequiredService<OrderService>();
        Guid id = (await orders.PlaceAsync(FhOrder(), s_clinician, Ct)).Value.Id;

        Result<OrderView> other = await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.Cancelled, null, null), new OrderActor("dr.other", [OrderRole.RequestingClinician]), Ct);
        Result<OrderView> own = await orders.TransitionAsync(id, new TransitionRequest(OrderStatus.Cancelled, null, "duplicate request"), s_clinician, Ct);

        Assert.Equal("ORD011", other.Error?.Code);
        Assert.Equal("cancelled", own.Value.Status);
    }

    [Theory]
    [InlineData("R999.1", "ORD002")]
    [InlineData("not-a-code", "ORD001")]
    public async Task Place_refuses_unknown_tests(string code, string error)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync("sqlite", Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();

        Result<OrderView> result = await scope.ServiceProvider.GetRequiredService<OrderService>().PlaceAsync(FhOrder() with { TestCode = code }, s_clinician, Ct);

        Assert.Equal(error, result.Error?.Code);
    }

    [Theory]
    [InlineData("HP:12", null, "ORD003")]
    [InlineData(null, "ZZZ", "GLH020")]
    [InlineData(null, "R-1", "ORD004")]
    public async Task Place_refuses_bad_clinical_or_organisation_data(string? hpo, string? ods, string error)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync("sqlite", Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        PlaceOrderRequest request = FhOrder() with { HpoTerms = hpo is null ? [] : [hpo], OrganisationOds = ods ?? "RW3" };

        Result<OrderView> result = await scope.ServiceProvider.GetRequiredService<OrderService>().PlaceAsync(request, s_clinician, Ct);

        Assert.Equal(error, result.Error?.Code);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IPatientRegistry>().FindAsync(NhsNumber.Parse("9434765919").Value, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UnitOfWork_rolls_back_a_patient_and_an_order_together(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using (IServiceScope scope = services.CreateScope())
        {
            IUnitOfWork work = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await using IUnitOfWorkTransaction transaction = await work.BeginAsync(Ct);
            Result<OrderView> placed = await scope.ServiceProvider.GetRequiredService<OrderService>().PlaceAsync(FhOrder(), s_clinician, Ct);
            Assert.True(placed.IsSuccess, placed.Error?.ToString());
            // No commit: disposing rolls back both modules' writes.
        }

        using (IServiceScope scope = services.CreateScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IPatientRegistry>().FindAsync(NhsNumber.Parse("9434765919").Value, Ct));
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<OrderService>().ListAsync(new OrderQuery(), Ct));
        }

        using (IServiceScope scope = services.CreateScope())
        {
            IUnitOfWork work = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await using IUnitOfWorkTransaction transaction = await work.BeginAsync(Ct);
            Assert.True((await scope.ServiceProvider.GetRequiredService<OrderService>().PlaceAsync(FhOrder(), s_clinician, Ct)).IsSuccess);
            await transaction.CommitAsync(Ct);
        }

        using (IServiceScope scope = services.CreateScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<IPatientRegistry>().FindAsync(NhsNumber.Parse("9434765919").Value, Ct));
            Assert.Single(await scope.ServiceProvider.GetRequiredService<OrderService>().ListAsync(new OrderQuery(RequestedBy: "dr.lee"), Ct));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Worklist_filters_by_glh_and_status(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        OrderService orders = scope.ServiceProvider.GetRequiredService<OrderService>();
        Guid a = (await orders.PlaceAsync(FhOrder(), s_clinician, Ct)).Value.Id;
        await orders.PlaceAsync(FhOrder("4010232137") with { OrganisationOds = "RP4" }, s_clinician, Ct);
        await orders.TransitionAsync(a, new TransitionRequest(OrderStatus.Accepted, null, null), s_scientist, Ct);

        Assert.Single(await orders.ListAsync(new OrderQuery(GlhCode: "north-thames"), Ct));
        Assert.Equal(a, Assert.Single(await orders.ListAsync(new OrderQuery(GlhCode: "north-west", Statuses: [OrderStatus.Accepted]), Ct)).Id);
        Assert.Empty(await orders.ListAsync(new OrderQuery(GlhCode: "north-west", Statuses: [OrderStatus.Requested]), Ct));
        Assert.Equal(2, (await orders.ListAsync(new OrderQuery(RequestedBy: "dr.lee"), Ct)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Routing_import_replaces_the_table_or_stores_nothing(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db);
        using IServiceScope scope = services.CreateScope();
        OpenGms.Orders.Application.Routing.RoutingService routing = scope.ServiceProvider.GetRequiredService<OpenGms.Orders.Application.Routing.RoutingService>();
        var issues = new List<OpenGms.Orders.Application.Routing.RoutingIssue>();

        Result<OpenGms.Orders.Application.Routing.RoutingService.ImportSummary> bad = await routing.ImportAsync(
            new StringReader("kind\tcode\tname\tglh\nglh\ta\tHub A\t\norganisation\tRAA\tTrust\tnowhere\n"), "bad.tsv", issues, Ct);
        Assert.Equal("GLH004", bad.Error?.Code);
        Assert.Equal(7, (await routing.TableAsync(Ct)).Glhs.Count);

        Result<OpenGms.Orders.Application.Routing.RoutingService.ImportSummary> good = await routing.ImportAsync(
            new StringReader("kind,code,name,glh\nglh,a,Hub A,\norganisation,RAA,Trust A,a\nspecialist-test,R14,Rapid,a\n"), "good.csv", issues, Ct);
        Assert.Equal(new OpenGms.Orders.Application.Routing.RoutingService.ImportSummary(1, 1, 1), good.Value);
        Assert.Equal("a", (await routing.TableAsync(Ct)).Route("RAA01", "R14.1").GlhCode);
        Assert.Equal("GLH020", (await scope.ServiceProvider.GetRequiredService<OrderService>().PlaceAsync(FhOrder(), s_clinician, Ct)).Error?.Code);
    }

    private static async Task<ServiceProvider> OpenAsync(TestDatabase db)
    {
        var services = new ServiceCollection();
        services.AddOpenGms(db.Settings);
        ServiceProvider provider = services.BuildServiceProvider();
        await OpenGmsServices.InitialiseAsync(provider, seedDemoData: true, log: null, Ct);
        return provider;
    }
}
