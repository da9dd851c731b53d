using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Cli.Hosting;
using OpenGms.Directory.Application.ImportEdition;
using OpenGms.Directory.Contracts;
using OpenGms.Directory.Domain;
using OpenGms.Kernel;
using Spectre.Console;

namespace OpenGms.Cli.Commands;

/// <summary><c>gms directory import|editions|search|show|diff</c>: the National Genomic Test Directory.</summary>
internal static class DirectoryCommands
{
    public static Command Create()
    {
        var directory = new Command("directory", "The National Genomic Test Directory: import editions, search, show, diff.");
        directory.Subcommands.Add(Import());
        directory.Subcommands.Add(Editions());
        directory.Subcommands.Add(Search());
        directory.Subcommands.Add(Show());
        directory.Subcommands.Add(Diff());
        return directory;
    }

    private static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "NHS England .xlsx (rare and inherited disease or cancer), East Genomics parsed .json, or OpenGMS directory .json." };
        var command = new Command("import", "Import one directory edition (all or nothing; the same file again changes nothing).") { file };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            using IServiceScope scope = services.CreateScope();
            ImportOutcome outcome = await scope.ServiceProvider.GetRequiredService<EditionImporter>()
                .ImportAsync(Path.GetFullPath(context.Parse.GetValue(file)!), ct).ConfigureAwait(false);
            if (outcome.Error is not null)
            {
                if (context.Json)
                {
                    context.WriteJson(new { error = outcome.Error.Code, kind = outcome.Error.Kind, message = outcome.Error.Message, issues = outcome.Issues.Select(IssueJson) });
                }

                foreach (ImportIssue issue in outcome.Issues)
                {
                    context.Error.WriteLine((issue.IsError ? "error " : "warning ") + issue);
                }

                context.Error.WriteLine($"error {outcome.Error.Code}: {outcome.Error.Message}");
                return ExitCodes.For(outcome.Error.Kind);
            }

            ImportSummary s = outcome.Summary!;
            if (context.Json)
            {
                context.WriteJson(new { edition = s.Edition, kind = s.Kind, version = s.Version, indications = s.Indications, tests = s.Tests, unchanged = s.Unchanged, warnings = s.Warnings.Select(IssueJson) });
                return ExitCodes.Ok;
            }

            foreach (ImportIssue warning in s.Warnings)
            {
                context.Error.WriteLine("warning " + warning);
            }

            context.Output.WriteLine(s.Unchanged
                ? $"Edition {s.Edition} ({s.Kind} {s.Version}) is already stored from this file: nothing changed ({s.Indications} indications, {s.Tests} tests)."
                : $"Imported edition {s.Edition} ({s.Kind} {s.Version}): {s.Indications} indications, {s.Tests} tests, {s.Warnings.Count} warning(s).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Editions()
    {
        var command = new Command("editions", "List the stored editions (the current one of each kind is used by default).");
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            IReadOnlyList<EditionView> editions = await WithCatalogAsync(context, c => c.ListEditionsAsync(ct), ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(new { editions });
                return ExitCodes.Ok;
            }

            if (editions.Count == 0)
            {
                context.Output.WriteLine("No edition stored. Import one with 'gms directory import FILE'.");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Edition").AddColumn("Kind").AddColumn("Version").AddColumn("Published").AddColumn(new TableColumn("Indications").RightAligned())
                .AddColumn(new TableColumn("Tests").RightAligned()).AddColumn("Source").AddColumn("Current");
            foreach (EditionView e in editions)
            {
                table.AddRow(Markup.Escape(e.Key), e.Kind, Markup.Escape(e.Version), e.PublishedOn?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    e.Indications.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Tests.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(e.SourceFormat), e.IsCurrent ? "yes" : string.Empty);
            }

            Console(context).Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Search()
    {
        var text = new Argument<string>("TEXT") { Description = "A code (R134, R134.1), words of a name, or a gene symbol (LDLR)." };
        var limit = new Option<int>("--limit") { Description = "At most this many hits.", DefaultValueFactory = _ => 25 };
        var edition = new Option<string?>("--edition") { Description = "Search this edition (key or version) instead of the current ones." };
        var command = new Command("search", "Search indications and tests by code, name or gene.") { text, limit, edition };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            Result<IReadOnlyList<SearchHitView>> result = await WithCatalogAsync(context,
                c => c.SearchAsync(context.Parse.GetValue(text)!, context.Parse.GetValue(limit), context.Parse.GetValue(edition), ct), ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error);
            }

            IReadOnlyList<SearchHitView> hits = result.Value;
            if (context.Json)
            {
                context.WriteJson(new { hits });
                return ExitCodes.Ok;
            }

            if (hits.Count == 0)
            {
                context.Output.WriteLine($"No match for \"{context.Parse.GetValue(text)}\".");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Code").AddColumn("Name").AddColumn("Detail");
            foreach (SearchHitView hit in hits)
            {
                table.AddRow(Markup.Escape(hit.Code), Markup.Escape(hit.Name), Markup.Escape(hit.Detail));
            }

            Console(context).Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var code = new Argument<string>("CODE") { Description = "An indication (R134, M1) or a test (R134.1)." };
        var edition = new Option<string?>("--edition") { Description = "Edition key or version (default: the current edition of the code's kind)." };
        var command = new Command("show", "Show an indication with its tests, or one test, with targets resolved to genes.") { code, edition };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            string wanted = context.Parse.GetValue(code)!.Trim();
            string? editionKey = context.Parse.GetValue(edition);
            if (wanted.Contains('.', StringComparison.Ordinal))
            {
                Result<TestView> test = await WithCatalogAsync(context, c => c.GetTestAsync(wanted, editionKey, ct), ct).ConfigureAwait(false);
                if (!test.IsSuccess)
                {
                    return context.Fail(test.Error);
                }

                if (context.Json)
                {
                    context.WriteJson(test.Value);
                    return ExitCodes.Ok;
                }

                IAnsiConsole console = Console(context);
                console.MarkupLine($"[bold]{Markup.Escape(test.Value.Code)}[/] {Markup.Escape(test.Value.Name)} [grey]({Markup.Escape(test.Value.IndicationCode)} {Markup.Escape(test.Value.IndicationName)}; edition {Markup.Escape(test.Value.Edition)})[/]");
                WriteTests(console, [test.Value]);
                return ExitCodes.Ok;
            }

            Result<IndicationView> indication = await WithCatalogAsync(context, c => c.GetIndicationAsync(wanted, editionKey, ct), ct).ConfigureAwait(false);
            if (!indication.IsSuccess)
            {
                return context.Fail(indication.Error);
            }

            if (context.Json)
            {
                context.WriteJson(indication.Value);
                return ExitCodes.Ok;
            }

            IndicationView i = indication.Value;
            IAnsiConsole output = Console(context);
            output.MarkupLine($"[bold]{Markup.Escape(i.Code)}[/] {Markup.Escape(i.Name)} [grey](edition {Markup.Escape(i.Edition)})[/]");
            if (i.SpecialistTestGroup is not null || i.CommissioningCategory is not null)
            {
                output.MarkupLine($"Specialist test group: {Markup.Escape(i.SpecialistTestGroup ?? "-")}; commissioning: {Markup.Escape(i.CommissioningCategory ?? "-")}");
            }

            if (i.Eligibility is not null)
            {
                output.MarkupLine($"Eligibility: {Markup.Escape(i.Eligibility)}");
            }

            WriteTests(output, i.Tests);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Diff()
    {
        var from = new Argument<string>("EDITION_A") { Description = "The older edition (key or version)." };
        var to = new Argument<string>("EDITION_B") { Description = "The newer edition (key or version)." };
        var command = new Command("diff", "Indications and tests added, removed and changed between two editions, against the published change notes.") { from, to };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            Result<EditionDiffView> result = await WithCatalogAsync(context,
                c => c.DiffAsync(context.Parse.GetValue(from)!, context.Parse.GetValue(to)!, ct), ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return context.Fail(result.Error);
            }

            EditionDiffView d = result.Value;
            if (context.Json)
            {
                context.WriteJson(d);
                return ExitCodes.Ok;
            }

            IAnsiConsole console = Console(context);
            console.MarkupLine($"[bold]{Markup.Escape(d.From)} → {Markup.Escape(d.To)}[/]: indications +{d.AddedIndications.Count} −{d.RemovedIndications.Count} ~{d.ChangedIndications.Count}; tests +{d.AddedTests.Count} −{d.RemovedTests.Count} ~{d.ChangedTests.Count}; {d.NoteDisagreements.Count} change note(s) disagree");
            var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn("Code").AddColumn("Name").AddColumn("What changed").AddColumn("Published note");
            void Items(string sign, IEnumerable<ItemView> items)
            {
                foreach (ItemView item in items)
                {
                    table.AddRow(sign, Markup.Escape(item.Code), Markup.Escape(item.Name), string.Empty, Markup.Escape(item.PublishedNote ?? string.Empty));
                }
            }

            void Changed(IEnumerable<ChangedItemView> items)
            {
                foreach (ChangedItemView item in items)
                {
                    string what = string.Join("\n", item.Changes.Select(c => $"{c.Field}: {Short(c.From)} → {Short(c.To)}"));
                    table.AddRow("~", Markup.Escape(item.Code), Markup.Escape(item.Name), Markup.Escape(what), Markup.Escape(item.PublishedNote ?? string.Empty));
                }
            }

            Items("+", d.AddedIndications);
            Items("−", d.RemovedIndications);
            Changed(d.ChangedIndications);
            Items("+", d.AddedTests);
            Items("−", d.RemovedTests);
            Changed(d.ChangedTests);
            if (table.Rows.Count > 0)
            {
                console.Write(table);
            }

            if (d.NoteDisagreements.Count > 0)
            {
                console.MarkupLine("[yellow]Published change notes that disagree with the comparison:[/] " + Markup.Escape(string.Join(", ", d.NoteDisagreements.Select(n => $"{n.Code} (\"{n.PublishedNote}\")"))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTests(IAnsiConsole console, IReadOnlyList<TestView> tests)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Test").AddColumn("Method").AddColumn("Targets").AddColumn("Genes");
        foreach (TestView t in tests)
        {
            string targets = string.Join("\n", t.Targets.Select(x => x.Kind switch
            {
                "panelapp-panel" => $"PanelApp {x.PanelId} {x.Name}" + (x.PanelVersion is null ? string.Empty : $" v{x.PanelVersion}") + (x.Note is null ? string.Empty : $" ({x.Note})"),
                "gene" => x.Symbol ?? x.HgncId ?? "?",
                _ => "gene-agnostic",
            }));
            if (targets.Length == 0)
            {
                targets = t.TargetsPublished ?? "-";
            }

            string genes = t.Genes.Count == 0 ? "-" : string.Join(", ", t.Genes.Select(g => g.Symbol ?? g.HgncId));
            table.AddRow(Markup.Escape($"{t.Code}\n{t.Name}"), Markup.Escape($"{t.MethodPublished}\n[{string.Join(", ", t.Methods)}]"), Markup.Escape(targets), Markup.Escape(genes));
        }

        console.Write(table);
    }

    private static string Short(string? value) =>
        value is null ? "(none)" : value.Length <= 80 ? value : value[..77] + "...";

    private static object IssueJson(ImportIssue i) =>
        new { code = i.Code, severity = i.IsError ? "error" : "warning", message = i.Message, file = i.File, sheet = i.Sheet, row = i.Row, field = i.Field };

    private static async Task<T> WithCatalogAsync<T>(CliContext context, Func<IDirectoryCatalog, Task<T>> query, CancellationToken ct)
    {
        await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
        using IServiceScope scope = services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<IDirectoryCatalog>()).ConfigureAwait(false);
    }

    private static IAnsiConsole Console(CliContext context)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Output) });
        if (System.Console.IsOutputRedirected)
        {
            // Piped into a file or a pager: Spectre would wrap at 80 columns; tables read better wider.
            console.Profile.Width = 160;
        }

        return console;
    }
}
