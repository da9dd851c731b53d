using System.Text.Json;
using OpenGms.Orders.Domain.Lifecycle;
using OpenGms.Testing;

namespace OpenGms.Orders.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public void MainPath_is_scientist_steps_then_authoriser_authorises_and_sends()
    {
        var roles = new List<OrderRole>();
        for (int i = 0; i + 1 < Transitions.MainPath.Count; i++)
        {
            Transition? t = Transitions.Find(Transitions.MainPath[i], Transitions.MainPath[i + 1], null);
            Assert.NotNull(t);
            roles.Add(Assert.Single(t.Roles));
        }

        Assert.Equal(
            [OrderRole.GlhScientist, OrderRole.GlhScientist, OrderRole.GlhScientist, OrderRole.GlhScientist, OrderRole.GlhScientist, OrderRole.GlhAuthoriser, OrderRole.GlhAuthoriser],
            roles);
    }

    [Theory]
    [InlineData(OrderStatus.Requested, OrderStatus.SampleReceived)]
    [InlineData(OrderStatus.Sent, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Requested)]
    [InlineData(OrderStatus.Failed, OrderStatus.Analysis)]
    [InlineData(OrderStatus.Interpretation, OrderStatus.Sent)]
    [InlineData(OrderStatus.ReportAuthorised, OrderStatus.Cancelled)]
    public void Find_refuses_skips_and_moves_out_of_terminal_states(OrderStatus from, OrderStatus to) =>
        Assert.Null(Transitions.Find(from, to, null));

    [Fact]
    public void OnHold_resumes_only_to_the_status_it_left()
    {
        Assert.NotNull(Transitions.Find(OrderStatus.OnHold, OrderStatus.Sequencing, OrderStatus.Sequencing));
        Assert.Null(Transitions.Find(OrderStatus.OnHold, OrderStatus.Analysis, OrderStatus.Sequencing));
        Assert.NotNull(Transitions.Find(OrderStatus.OnHold, OrderStatus.Cancelled, OrderStatus.Sequencing));
    }

    [Fact]
    public void Clinician_may_cancel_only_before_the_laboratory_starts()
    {
        OrderRole[] clinician = [OrderRole.RequestingClinician];
        Assert.Equal([OrderStatus.Cancelled], Transitions.NextFor(OrderStatus.Requested, null, clinician));
        Assert.Empty(Transitions.NextFor(OrderStatus.Sequencing, null, clinician));
    }

    [Fact]
    public void Every_business_status_code_is_in_the_published_code_system()
    {
        string path = SharedData.PathOf("fhir/nhse-genomics-ig-examples/CodeSystem-Genomics-business-status.json");
        HashSet<string> published = Codes(path);

        Assert.Equal(published.Order(StringComparer.Ordinal), TaskMapping.BusinessStatusCodes.Order(StringComparer.Ordinal));
        foreach (OrderStatus status in Enum.GetValues<OrderStatus>())
        {
            string? code = TaskMapping.For(status).BusinessStatus;
            Assert.True(code is null || published.Contains(code), $"{status}: {code}");
        }
    }

    [Fact]
    public void Every_task_code_is_in_the_published_code_system()
    {
        HashSet<string> published = Codes(SharedData.PathOf("fhir/nhse-genomics-ig-examples/CodeSystem-Genomics-task-code.json"));

        foreach (OrderStatus status in Enum.GetValues<OrderStatus>())
        {
            Assert.Contains(TaskMapping.For(status, OrderStatus.Analysis).TaskCode, published);
        }

        Assert.All(TaskMapping.TaskCodes, c => Assert.Contains(c, published));
    }

    private static HashSet<string> Codes(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        var codes = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement concepts)
        {
            foreach (JsonElement c in concepts.EnumerateArray())
            {
                codes.Add(c.GetProperty("code").GetString()!);
                if (c.TryGetProperty("concept", out JsonElement children))
                {
                    Walk(children);
                }
            }
        }

        Walk(doc.RootElement.GetProperty("concept"));
        return codes;
    }
}
