using OpenGms.Testing;
using OpenGms.Web.Fhir;

namespace OpenGms.Web.Tests;

public sealed class OrderBundleReaderTests
{
    private const string IgBundles = "fhir/nhse-genomics-ig/NHSEnglandFHIRGenomicsImplementationGuide/backup/Bundle";

    public static TheoryData<string> OrderForms => new()
    {
        "Bundle-NonWGSTestOrderForm-Example.json",
        "Bundle-NonWGSTestOrderForm-CancerSolidTumor-Example.json",
        "Bundle-NonWGSTestOrderForm-FetalScenario-Example.json",
        "Bundle-NonWGSTestOrderForm-Reanalysis-Example.json",
        "Bundle-WGSTestOrderForm-Example.json",
    };

    [Theory]
    [MemberData(nameof(OrderForms))]
    public void Ig_order_form_bundles_read_into_an_order_or_name_their_problems(string file)
    {
        string json = File.ReadAllText(Path.Combine(SharedData.PathOf(IgBundles), file));

        (OrderBundle? bundle, IReadOnlyList<BundleIssue> issues) = OrderBundleReader.Read(json);

        if (bundle is null)
        {
            Assert.NotEmpty(issues);
            Assert.All(issues, i => Assert.False(string.IsNullOrEmpty(i.Code) || string.IsNullOrEmpty(i.Expression)));
            return;
        }

        // The reanalysis example names an indication (R387), not a test: the order itself then refuses it (ORD001).
        Assert.Matches("^[RM][0-9]+(\\.[0-9]+)?$", bundle.Order.TestCode);
        Assert.Equal(10, bundle.Order.NhsNumber.Length);
        Assert.Equal(bundle.Entries.Count, System.Text.Json.Nodes.JsonNode.Parse(json)!["entry"]!.AsArray().Count);
    }

    [Fact]
    public void Wgs_example_reads_hpo_terms_present_only_and_the_requesting_trust()
    {
        string json = File.ReadAllText(SharedData.PathOf("fhir/nhse-genomics-ig-examples/Bundle-WGSTestOrderForm-Example.json"));

        (OrderBundle? bundle, IReadOnlyList<BundleIssue> issues) = OrderBundleReader.Read(json);

        Assert.Empty(issues);
        Assert.Equal("R193.4", bundle!.Order.TestCode);
        Assert.Equal("7", bundle.Order.Edition);
        Assert.Equal("RAX01", bundle.Order.OrganisationOds);
        Assert.Equal(["HP:0000105", "HP:0000083"], bundle.Order.HpoTerms);
        Assert.Equal("RGT03135", Assert.Single(bundle.Order.Samples!).SpecimenId);
        Assert.Null(bundle.ResearchDecision);
    }

    [Fact]
    public void Non_transaction_bundle_is_refused()
    {
        string json = File.ReadAllText(Path.Combine(SharedData.PathOf(IgBundles), "Bundle-Searchset-Example.json"));

        (OrderBundle? bundle, IReadOnlyList<BundleIssue> issues) = OrderBundleReader.Read(json);

        Assert.Null(bundle);
        Assert.Contains(issues, i => i.Code is "FHIR002" or "FHIR004");
    }
}
