using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;
using OpenGms.Cases.Application;
using OpenGms.Kernel;
using OpenGms.Web.Api;
using OpenGms.Web.Composition;

namespace OpenGms.Web.Pages.Cases;

/// <summary>Attach a VCF (server path or upload) to an order's sample; an order that already has a case opens it.</summary>
internal sealed class AttachModel(CaseService cases, GmsDataDirectory data, IAuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid OrderId { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Result<CaseView> existing = await cases.GetByOrderAsync(OrderId, cancellationToken).ConfigureAwait(false);
        return existing.IsSuccess && existing.Value.Case.Status != "analysis-failed" ? Redirect($"/cases/{existing.Value.Case.Id}") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? path, IFormFile? upload, string? pedPath, string? probandSample, string? specimenId, string? pipeline, CancellationToken cancellationToken)
    {
        string? vcf = string.IsNullOrWhiteSpace(path) ? null : path.Trim();
        if (upload is { Length: > 0 })
        {
            string folder = Path.Combine(data.Path, "uploads", "cases", OrderId.ToString("N"));
            System.IO.Directory.CreateDirectory(folder);
            vcf = Path.Combine(folder, Guid.NewGuid().ToString("N") + (upload.FileName.EndsWith(".gz", StringComparison.Ordinal) ? ".vcf.gz" : ".vcf"));
            FileStream output = System.IO.File.Create(vcf + ".part");
            await using (output.ConfigureAwait(false))
            {
                await upload.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }

            System.IO.File.Move(vcf + ".part", vcf);
        }

        var request = new AttachVcfRequest
        {
            Path = vcf ?? string.Empty,
            PedPath = string.IsNullOrWhiteSpace(pedPath) ? null : pedPath.Trim(),
            ProbandSample = probandSample,
            SpecimenId = specimenId,
            Pipeline = pipeline,
        };
        Result<CaseView> attached = await cases.AttachAsync(OrderId, request, CaseEndpoints.ActorOf(User), cancellationToken).ConfigureAwait(false);
        if (!attached.IsSuccess)
        {
            Problem = $"{attached.Error.Code}: {attached.Error.Message}";
            return Page();
        }

        await CaseEndpoints.AuditAsync(audit, HttpContext, AuditAction.Update, "case", attached.Value.Case.PatientId, cancellationToken).ConfigureAwait(false);
        return Redirect($"/cases/{attached.Value.Case.Id}");
    }
}
