using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Directory.Application.ImportEdition;
using OpenGms.Directory.Contracts;
using OpenGms.Kernel;
using OpenGms.Panels.Contracts;
using OpenGms.Testing;

namespace OpenGms.Directory.Tests;

/// <summary>A hand-written panel catalogue: panel id → genes (all green), one version each.</summary>
internal sealed class FakePanelCatalog : IPanelCatalog
{
    private readonly Dictionary<int, (string Name, string[] Genes)> _panels = new()
    {
        [772] = ("Familial hypercholesterolaemia (GMS)", ["APOB", "LDLR", "PCSK9"]),
        [76] = ("Long QT syndrome", ["KCNH2", "KCNQ1", "SCN5A"]),
    };

    public int Calls { get; private set; }

    public Task<Result<ResolvedPanel>> ResolveAsync(int panelId, string? version, PanelConfidence minimum, CancellationToken cancellationToken)
    {
        Calls++;
        if (!_panels.TryGetValue(panelId, out var panel))
        {
            return Task.FromResult(Result<ResolvedPanel>.Fail(Error.NotFound("PAN404", $"No panel {panelId}")));
        }

        var genes = panel.Genes.Select(g => new PanelGene(g, null, PanelConfidence.Green, null)).ToList();
        return Task.FromResult(Result<ResolvedPanel>.Ok(new ResolvedPanel(panelId, panel.Name, "1.0", true, genes)));
    }
}

internal sealed class FixedClock : IClock
{
    public DateTimeOffset UtcNow { get; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
}

/// <summary>The module over a throwaway database, migrated, with the fake panel catalogue.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private readonly TestDatabase _db;
    private readonly ServiceProvider _services;

    private Harness(TestDatabase db, ServiceProvider services)
    {
        _db = db;
        _services = services;
    }

    public IServiceProvider Services => _services;

    public static async Task<Harness> StartAsync(string provider, bool withPanels = true)
    {
        TestDatabase db = await TestDatabases.CreateAsync(provider, TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddSingleton<IClock, FixedClock>();
        if (withPanels)
        {
            services.AddSingleton<IPanelCatalog, FakePanelCatalog>();
        }

        services.AddDirectoryModule(db.Settings);
        ServiceProvider provider2 = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using (IServiceScope scope = provider2.CreateScope())
        {
            foreach (IModuleDatabase module in scope.ServiceProvider.GetServices<IModuleDatabase>())
            {
                await module.MigrateAsync(TestContext.Current.CancellationToken);
            }
        }

        return new Harness(db, provider2);
    }

    public async Task<ImportOutcome> ImportAsync(string path)
    {
        using IServiceScope scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EditionImporter>().ImportAsync(path, TestContext.Current.CancellationToken);
    }

    public async Task<T> CatalogAsync<T>(Func<IDirectoryCatalog, Task<T>> query)
    {
        using IServiceScope scope = _services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<IDirectoryCatalog>());
    }

    public async Task<bool> SeedAsync()
    {
        using IServiceScope scope = _services.CreateScope();
        bool any = false;
        foreach (IDemoDataSeeder seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
        {
            any |= await seeder.SeedIfEmptyAsync(TestContext.Current.CancellationToken);
        }

        return any;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }
}

/// <summary>Writes small synthetic workbooks in the published layouts.</summary>
internal static class Workbooks
{
    public static readonly string[] RareHeader =
        ["Clinical indication ID", "Test ID", "Clinical Indication", "Target/Genes", "Test Method", "Commissioning category", "Specialist test group", "Changes since last publication"];

    public static string Write(TempDirectory dir, string name, string sheetName, string? title, string[] header, params string?[][] rows)
    {
        using var workbook = new XLWorkbook();
        IXLWorksheet sheet = workbook.Worksheets.Add(sheetName);
        int r = 1;
        if (title is not null)
        {
            sheet.Cell(r++, 1).Value = title;
        }

        for (int c = 0; c < header.Length; c++)
        {
            sheet.Cell(r, c + 1).Value = header[c];
        }

        foreach (string?[] row in rows)
        {
            r++;
            for (int c = 0; c < row.Length; c++)
            {
                if (row[c] is not null)
                {
                    sheet.Cell(r, c + 1).Value = row[c];
                }
            }
        }

        string path = dir.File(name);
        workbook.SaveAs(path);
        return path;
    }

    /// <summary>A small valid rare-disease edition "v9.1 March 2030" with R134 (panel 772 + LDLR) and R127.</summary>
    public static string SmallRare(TempDirectory dir, string name = "rd-v9.1.xlsx", string version = "v9.1 March 2030", params string?[][] extra)
    {
        string?[][] rows =
        [
            ["R134", "R134.1", "Familial hypercholesterolaemia", "Familial hypercholesterolaemia – targeted panel (772)", "Small panel", "Core", "Core", "No change"],
            ["R134", "R134.2", "Familial hypercholesterolaemia", "LDLR", "MLPA or equivalent", "Core", "Core", "No change"],
            ["R127", "R127.1", "Long QT syndrome", "Long QT syndrome (76)", "Small panel", "Specialised", "Cardiology", "No change"],
            .. extra,
        ];
        return Write(dir, name, "R&ID indications", $"National Genomic Test Directory for rare and inherited disease, {version}: test data", RareHeader, rows);
    }
}
