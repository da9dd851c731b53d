using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Cli.Hosting;
using OpenGms.Kernel;
using OpenGms.Panels.Application.ImportPanels;
using OpenGms.Panels.Application.QueryPanels;
using OpenGms.Panels.Contracts;

namespace OpenGms.Cli.Commands;

/// <summary><c>gms panels import|list|show|versions|diff</c>: PanelApp-compatible gene panels.</summary>
internal static class PanelsCommands
{
    public static Command Create()
    {
        var command = new Command("panels", "PanelApp gene panels: import PanelApp API JSON, list, show, compare versions.")
        {
            Import(), List(), Show(), Versions(), Diff(),
        };
        return command;
    }

    private static Command Import()
    {
        var path = new Argument<string>("PATH") { Description = "A PanelApp API JSON file (panel list page or panel detail) or a folder of them (recursive)." };
        var command = new Command("import", "Import PanelApp API JSON in one transaction; a bad file stores nothing; the same content again changes nothing.") { path };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            PanelImportReport report = await scope.ServiceProvider.GetRequiredService<IPanelImporter>()
                .ImportAsync(context.Parse.GetValue(path)!, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(new
                {
                    stored = report.Stored,
                    files = report.Files,
                    versionsRead = report.VersionsRead,
                    panelsAdded = report.PanelsAdded,
                    versionsAdded = report.VersionsAdded,
                    versionsCompleted = report.VersionsCompleted,
                    versionsUnchanged = report.VersionsUnchanged,
                    genes = report.GenesAdded,
                    strs = report.StrsAdded,
                    regions = report.RegionsAdded,
                    issues = report.Issues.Select(i => new { code = i.Code, severity = i.Severity, file = i.File, path = i.JsonPath, line = i.Line, column = i.Column, message = i.Message }),
                });
            }

            foreach (PanelImportIssue issue in report.Issues)
            {
                context.Error.WriteLine(issue.ToString());
            }

            if (!report.Stored)
            {
                int errors = report.Issues.Count(i => i.Severity == IssueSeverity.Error);
                bool missing = report.Issues.Any(i => i.Code == PanelIssueCodes.PathNotFound);
                context.Error.WriteLine($"Nothing imported: {errors} error(s).");
                return missing ? ExitCodes.NotFound : ExitCodes.BadInput;
            }

            if (!context.Json)
            {
                context.Output.WriteLine(
                    $"Read {report.Files} file(s), {report.VersionsRead} panel version(s): {report.PanelsAdded} panel(s) and {report.VersionsAdded} version(s) added, " +
                    $"{report.VersionsCompleted} completed, {report.VersionsUnchanged} unchanged; {report.GenesAdded} genes, {report.StrsAdded} STRs, {report.RegionsAdded} regions written.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var text = new Argument<string?>("TEXT") { Description = "Panel id, words of the name or group, an R-code or a gene symbol.", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "Most panels to list.", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List stored panels, optionally matching TEXT.") { text, limit };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            int max = context.Parse.GetValue(limit);
            if (max < 1)
            {
                return context.Fail(Error.BadInput("CLI002", "--limit must be at least 1"));
            }

            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            IReadOnlyList<PanelListItem> panels = await scope.ServiceProvider.GetRequiredService<IPanelQueries>()
                .ListAsync(context.Parse.GetValue(text), max, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(new { panels });
                return ExitCodes.Ok;
            }

            foreach (PanelListItem p in panels)
            {
                string signedOff = p.SignedOffVersion is null ? "" : $"  signed-off {p.SignedOffVersion}";
                string codes = string.Join(' ', p.RelevantDisorders.Where(Panels.Domain.PanelVersion.IsIndicationCode));
                context.Output.WriteLine($"{p.Id,6}  v{p.LatestVersion,-9} {p.Name}{(codes.Length > 0 ? " [" + codes + "]" : "")}{signedOff}");
            }

            context.Output.WriteLine($"{panels.Count} panel(s)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<int>("ID") { Description = "PanelApp panel id." };
        var version = new Option<string?>("--version") { Description = "Version (e.g. 2.18), or 'signed-off'; default: the newest stored with genes." };
        var confidence = new Option<string>("--confidence") { Description = "Lowest rating to show: green, amber or red.", DefaultValueFactory = _ => "green" };
        var command = new Command("show", "Show a panel at a version with its genes, STRs and regions.") { id, version, confidence };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            Result<PanelConfidence> minimum = ConfidenceNames.Parse(context.Parse.GetValue(confidence));
            if (!minimum.IsSuccess)
            {
                return context.Fail(minimum.Error);
            }

            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            Result<PanelView> result = await scope.ServiceProvider.GetRequiredService<IPanelQueries>()
                .GetAsync(context.Parse.GetValue(id), context.Parse.GetValue(version), minimum.Value, ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error);
            }

            PanelView p = result.Value;
            if (context.Json)
            {
                context.WriteJson(p);
                return ExitCodes.Ok;
            }

            TextWriter o = context.Output;
            o.WriteLine($"{p.Name} (panel {p.Id}, version {p.Version}){(p.SignedOff ? $", signed off {p.SignedOffOn:yyyy-MM-dd}" : "")}");
            if (p.DiseaseGroup.Length > 0)
            {
                o.WriteLine($"  {p.DiseaseGroup}{(p.DiseaseSubGroup.Length > 0 ? " / " + p.DiseaseSubGroup : "")}");
            }

            o.WriteLine($"  Relevant disorders: {string.Join("; ", p.RelevantDisorders)}");
            o.WriteLine($"  Types: {string.Join("; ", p.Types)}");
            foreach (PanelComponentView c in p.Components)
            {
                o.WriteLine($"  Component: {c.Id} v{c.Version} {c.Name}");
            }

            if (!p.HasEntities)
            {
                o.WriteLine("  Only the panel list entry of this version is stored: import its detail response for genes.");
                return ExitCodes.Ok;
            }

            o.WriteLine($"Genes ({ConfidenceNames.Name(p.MinimumConfidence)} and above): {p.Genes.Count}");
            foreach (PanelEntityView g in p.Genes)
            {
                o.WriteLine($"  {ConfidenceNames.Name(g.Confidence),-6} {g.Symbol ?? g.Name,-12} {g.HgncId,-11} {g.ModeOfInheritance}");
            }

            foreach (PanelEntityView s in p.Strs)
            {
                o.WriteLine($"  STR {ConfidenceNames.Name(s.Confidence),-6} {s.Name} {s.RepeatedSequence} normal <= {s.NormalRepeats}, pathogenic >= {s.PathogenicRepeats}");
            }

            foreach (PanelEntityView r in p.Regions)
            {
                string where = r.Grch38 is null ? "" : string.Create(CultureInfo.InvariantCulture, $" GRCh38 {r.Grch38.Chromosome}:{r.Grch38.Start}-{r.Grch38.End}");
                o.WriteLine($"  Region {ConfidenceNames.Name(r.Confidence),-6} {r.Name} {r.TypeOfVariants}{where}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Versions()
    {
        var id = new Argument<int>("ID") { Description = "PanelApp panel id." };
        var command = new Command("versions", "List the stored versions of a panel, newest first.") { id };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            Result<IReadOnlyList<PanelVersionInfo>> result = await scope.ServiceProvider.GetRequiredService<IPanelQueries>()
                .VersionsAsync(context.Parse.GetValue(id), ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error);
            }

            if (context.Json)
            {
                context.WriteJson(new { versions = result.Value });
                return ExitCodes.Ok;
            }

            foreach (PanelVersionInfo v in result.Value)
            {
                context.Output.WriteLine($"{v.Version,-10} {v.Created:yyyy-MM-dd} {(v.SignedOffOn is null ? "" : $"signed off {v.SignedOffOn:yyyy-MM-dd} ")}" +
                    $"{(v.HasEntities ? $"{v.Genes} genes, {v.Strs} STRs, {v.Regions} regions" : $"list entry only ({v.Genes} genes stated)")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Diff()
    {
        var id = new Argument<int>("ID") { Description = "PanelApp panel id." };
        var from = new Argument<string>("V1") { Description = "The earlier version." };
        var to = new Argument<string>("V2") { Description = "The later version." };
        var command = new Command("diff", "Genes, STRs and regions added or removed, rating and mode-of-inheritance changes between two versions.") { id, from, to };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            Result<PanelDiff> result = await scope.ServiceProvider.GetRequiredService<IPanelQueries>()
                .DiffAsync(context.Parse.GetValue(id), context.Parse.GetValue(from)!, context.Parse.GetValue(to)!, ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error);
            }

            PanelDiff d = result.Value;
            if (context.Json)
            {
                context.WriteJson(d);
                return ExitCodes.Ok;
            }

            TextWriter o = context.Output;
            o.WriteLine($"{d.Name} (panel {d.PanelId}): {d.From} -> {d.To}");
            foreach (PanelEntityView a in d.Added)
            {
                o.WriteLine($"  + {a.Kind.ToString().ToLowerInvariant()} {a.Name} ({ConfidenceNames.Name(a.Confidence)})");
            }

            foreach (PanelEntityView r in d.Removed)
            {
                o.WriteLine($"  - {r.Kind.ToString().ToLowerInvariant()} {r.Name} ({ConfidenceNames.Name(r.Confidence)})");
            }

            foreach (PanelChange c in d.RatingChanges)
            {
                o.WriteLine($"  ~ {c.Name} rating {c.From} -> {c.To}");
            }

            foreach (PanelChange c in d.InheritanceChanges)
            {
                o.WriteLine($"  ~ {c.Name} inheritance '{c.From}' -> '{c.To}'");
            }

            o.WriteLine($"{d.Added.Count} added, {d.Removed.Count} removed, {d.RatingChanges.Count} rating change(s), {d.InheritanceChanges.Count} inheritance change(s)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
