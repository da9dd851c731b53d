using OpenGms.Cases.Domain;
using OpenGms.Kernel;

namespace OpenGms.Cases.Tests;

public sealed class CaseReviewTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static Case ReadyCase()
    {
        Case c = Case.Open(Guid.NewGuid(), Guid.NewGuid(), "9434765919", "Ann Smith", "R14.1", "north-thames", ["HP:0001250"], "sci.a", s_now);
        Assert.True(c.Attach(new VcfAttachment("/data/a.vcf", "S1", "P1", null, null, null), Pipelines.RareDisease, "test", "sci.a", s_now).IsSuccess);
        c.Queued(Guid.NewGuid(), s_now);
        c.Analysed("{}", null, s_now);
        Assert.True(c.Write("summary", "conclusion", s_now).IsSuccess);
        return c;
    }

    [Fact]
    public void Authorise_by_the_submitter_is_refused_four_eyes()
    {
        Case c = ReadyCase();
        Report pending = c.Submit(1, "{}", null, "sci.a", s_now).Value;

        Result<Report> same = c.Authorise(pending, "SCI.A", s_now);
        Result<Report> other = c.Authorise(pending, "auth.b", s_now);

        Assert.Equal("CAS021", same.Error!.Code);
        Assert.Equal(ErrorKind.Forbidden, same.Error.Kind);
        Assert.True(other.IsSuccess);
        Assert.Equal(ReportStatus.Authorised, pending.Status);
        Assert.Equal("auth.b", pending.DecidedBy);
        Assert.Equal(CaseStatus.Authorised, c.Status);
    }

    [Fact]
    public void Authorised_report_cannot_be_authorised_again_or_returned()
    {
        Case c = ReadyCase();
        Report pending = c.Submit(1, "{}", null, "sci.a", s_now).Value;
        Assert.True(c.Authorise(pending, "auth.b", s_now).IsSuccess);

        Assert.Equal("CAS020", c.Authorise(pending, "auth.c", s_now).Error!.Code);
        Assert.Equal("CAS020", c.Return(pending, "auth.c", "why", s_now).Error!.Code);
        Assert.Equal("auth.b", pending.DecidedBy);
    }

    [Fact]
    public void Review_changes_are_refused_once_submitted_until_a_correction_is_opened()
    {
        Case c = ReadyCase();
        Report v1 = c.Submit(1, "{}", null, "sci.a", s_now).Value;

        Assert.Equal("CAS010", c.Write("x", "y", s_now).Error!.Code);
        Assert.True(c.Authorise(v1, "auth.b", s_now).IsSuccess);
        Assert.Equal("CAS010", c.EnsureInReview().Error!.Code);
        Assert.Equal("CAS031", c.StartCorrection(" ", s_now).Error!.Code);
        Assert.True(c.StartCorrection("wrong gene symbol", s_now).IsSuccess);
        Assert.True(c.EnsureInReview().IsSuccess);
    }

    [Fact]
    public void Correction_is_the_next_version_with_what_changed_and_the_same_report_id()
    {
        Case c = ReadyCase();
        Report v1 = c.Submit(1, "{}", null, "sci.a", s_now).Value;
        c.Authorise(v1, "auth.b", s_now);
        c.StartCorrection("wrong gene symbol", s_now);

        Result<Report> withoutWhy = c.Submit(2, "{}", null, "sci.a", s_now);
        Report v2 = c.Submit(2, "{}", "gene symbol corrected", "sci.a", s_now).Value;

        Assert.Equal("CAS012", withoutWhy.Error!.Code);
        Assert.Equal(2, v2.Version);
        Assert.Equal(v1.ReportId, v2.ReportId);
        Assert.Contains("gene symbol corrected", v2.ChangeSummary, StringComparison.Ordinal);
        Assert.Contains("wrong gene symbol", v2.ChangeSummary, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.AwaitingAuthorisation, v2.Status);
        Assert.Equal(ReportStatus.Authorised, v1.Status);
    }

    [Fact]
    public void Submit_needs_summary_and_conclusion()
    {
        Case c = ReadyCase();
        c.Write(null, "conclusion", s_now);

        Assert.Equal("CAS011", c.Submit(1, "{}", null, "sci.a", s_now).Error!.Code);
    }

    [Fact]
    public void Returned_report_goes_back_to_review_and_needs_a_reason()
    {
        Case c = ReadyCase();
        Report v1 = c.Submit(1, "{}", null, "sci.a", s_now).Value;

        Assert.Equal("CAS022", c.Return(v1, "auth.b", null, s_now).Error!.Code);
        Assert.True(c.Return(v1, "auth.b", "add dosing", s_now).IsSuccess);
        Assert.Equal(ReportStatus.Returned, v1.Status);
        Assert.Equal(CaseStatus.ReadyForReview, c.Status);
    }

    [Fact]
    public void New_vcf_is_refused_once_a_report_exists()
    {
        Case c = ReadyCase();
        c.Submit(1, "{}", null, "sci.a", s_now);

        Result<Case> again = c.Attach(new VcfAttachment("/data/b.vcf", "S1", "P1", null, null, null), Pipelines.RareDisease, "test", "sci.a", s_now);

        Assert.Equal("CAS005", again.Error!.Code);
    }
}
