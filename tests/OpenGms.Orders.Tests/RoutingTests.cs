using OpenGms.Orders.Application.Routing;
using OpenGms.Orders.Domain.Routing;

namespace OpenGms.Orders.Tests;

public sealed class RoutingTests
{
    private static RoutingTable Demo()
    {
        using var reader = new StreamReader(OrdersModule.OpenDemoRoutingTable());
        RoutingReadResult read = RoutingTableReader.Read(reader, "glh-routing.tsv");
        Assert.Empty(read.Issues);
        return read.Table!;
    }

    [Fact]
    public void Demo_table_has_the_seven_glhs_each_with_referring_trusts()
    {
        RoutingTable table = Demo();

        Assert.Equal(7, table.Glhs.Count);
        Assert.All(table.Glhs, g => Assert.Contains(table.Organisations, o => o.GlhCode == g.Code));
    }

    [Fact]
    public void Route_sends_a_core_test_to_the_referring_trusts_glh()
    {
        RoutingDecision decision = Demo().Route("RW3", "R134.1");

        Assert.Equal("north-west", decision.GlhCode);
        Assert.Contains("Manchester University", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_maps_a_site_code_to_its_trust()
    {
        RoutingDecision decision = Demo().Route("RAX01", "R67.2");

        Assert.Equal("south-east", decision.GlhCode);
    }

    [Fact]
    public void Route_sends_a_specialist_test_to_a_named_glh_when_the_home_glh_does_not_do_it()
    {
        RoutingDecision decision = Demo().Route("RW3", "R14.1");

        Assert.Equal("north-thames", decision.GlhCode);
        Assert.Equal("north-west", decision.ReferringGlhCode);
        Assert.Contains("specialist", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_keeps_a_specialist_test_at_home_when_the_home_glh_does_it()
    {
        Assert.Equal("south-west", Demo().Route("RH8", "R14.1").GlhCode);
    }

    [Fact]
    public void Route_refuses_an_unknown_organisation_with_a_code()
    {
        RoutingDecision decision = Demo().Route("ZZZ", "R134.1");

        Assert.False(decision.Routed);
        Assert.Equal("GLH020", decision.ErrorCode);
    }

    [Fact]
    public void Read_csv_with_quotes_and_comments()
    {
        const string Csv = "# comment\nkind,code,name,glh\nglh,a,\"Hub A, the first\",\nglh,b,Hub B,\norganisation,RAA,Trust A,a\nspecialist-test,R1.1,\"Rare, special\",b;a\n";

        RoutingReadResult read = RoutingTableReader.Read(new StringReader(Csv), "t.csv");

        Assert.Empty(read.Issues);
        Assert.Equal("Hub A, the first", read.Table!.FindGlh("a")!.Name);
        Assert.Equal("a", read.Table.Route("RAA", "R1.1").GlhCode);
        Assert.Equal(["b", "a"], read.Table.SpecialistTests.Single().GlhCodes);
    }

    [Theory]
    [InlineData("kind\tcode\tname\nglh\ta\tA\n", "GLH001", 1)]
    [InlineData("kind\tcode\tname\tglh\nhub\ta\tA\t\n", "GLH002", 2)]
    [InlineData("kind\tcode\tname\tglh\nglh\ta\t\t\n", "GLH003", 2)]
    [InlineData("kind\tcode\tname\tglh\nglh\ta\tA\t\norganisation\tRAA\tT\tnowhere\n", "GLH004", 3)]
    [InlineData("kind\tcode\tname\tglh\nglh\ta\tA\t\nglh\ta\tA again\t\n", "GLH005", 3)]
    [InlineData("kind\tcode\tname\tglh\n", "GLH006", 0)]
    [InlineData("kind\tcode\tname\tglh\nglh\ta\tA\t\norganisation\tR-1\tT\ta\n", "GLH007", 3)]
    public void Read_reports_coded_issues_with_line(string text, string code, int line)
    {
        RoutingReadResult read = RoutingTableReader.Read(new StringReader(text), "bad.tsv");

        Assert.Null(read.Table);
        RoutingIssue issue = Assert.Single(read.Issues, i => i.Code == code);
        Assert.Equal(line, issue.Line);
        Assert.Equal("bad.tsv", issue.File);
    }

    [Fact]
    public void Write_then_read_round_trips()
    {
        RoutingTable table = Demo();
        using var writer = new StringWriter();
        RoutingTableReader.Write(table, writer);

        RoutingReadResult again = RoutingTableReader.Read(new StringReader(writer.ToString()), "again.tsv");

        Assert.Empty(again.Issues);
        Assert.Equal(table.Organisations.Count, again.Table!.Organisations.Count);
        Assert.Equal(table.Route("RW3", "R14.1"), again.Table.Route("RW3", "R14.1"));
    }
}
