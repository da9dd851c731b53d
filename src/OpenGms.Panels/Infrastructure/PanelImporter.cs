using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenGms.Panels.Application.ImportPanels;
using OpenGms.Panels.Domain;
using OpenGms.Panels.Infrastructure.PanelApp;
using OpenGms.Panels.Infrastructure.Persistence;

namespace OpenGms.Panels.Infrastructure;

/// <summary>
/// Reads every document first, merges the panel versions found (a detail response completes a list entry of the same
/// version), and only then writes, in one transaction. PanelApp never changes a published version, so the same
/// version with different entities is an error (<see cref="PanelIssueCodes.ConflictingVersion"/>).
/// </summary>
internal sealed class PanelImporter(PanelsDbContext db) : IPanelImporter
{
    public async Task<PanelImportReport> ImportAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var issues = new List<PanelImportIssue>();
        var documents = new List<(string, byte[])>();
        if (File.Exists(path))
        {
            documents.Add((path, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)));
        }
        else if (System.IO.Directory.Exists(path))
        {
            foreach (string file in System.IO.Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    documents.Add((file, await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false)));
                }
                else
                {
                    issues.Add(new PanelImportIssue(PanelIssueCodes.SkippedFile, IssueSeverity.Warning, file, "", "not a .json file; skipped"));
                }
            }

            if (documents.Count == 0)
            {
                issues.Add(new PanelImportIssue(PanelIssueCodes.NoInput, IssueSeverity.Error, path, "", "no .json file in this folder"));
            }
        }
        else
        {
            issues.Add(new PanelImportIssue(PanelIssueCodes.PathNotFound, IssueSeverity.Error, path, "", "no such file or folder"));
        }

        return await ImportCoreAsync(documents, issues, cancellationToken).ConfigureAwait(false);
    }

    public Task<PanelImportReport> ImportDocumentsAsync(IReadOnlyList<(string Name, byte[] Json)> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return ImportCoreAsync(documents, [], cancellationToken);
    }

    private async Task<PanelImportReport> ImportCoreAsync(IReadOnlyList<(string Name, byte[] Json)> documents, List<PanelImportIssue> issues, CancellationToken ct)
    {
        var merged = new Dictionary<(int, string), PanelVersion>();
        var origin = new Dictionary<(int, string), string>();
        foreach ((string name, byte[] json) in documents)
        {
            var versions = new List<PanelVersion>();
            PanelAppJsonReader.Read(name, json, versions, issues);
            foreach (PanelVersion version in versions)
            {
                if (version.HasEntities)
                {
                    version.EntityChecksum = EntityChecksum.Of(version);
                }

                var key = (version.PanelId, version.Version);
                if (!merged.TryGetValue(key, out PanelVersion? seen))
                {
                    merged[key] = version;
                    origin[key] = name;
                    continue;
                }

                if (seen.HasEntities && version.HasEntities && seen.EntityChecksum != version.EntityChecksum)
                {
                    issues.Add(new PanelImportIssue(PanelIssueCodes.ConflictingVersion, IssueSeverity.Error, name, "$",
                        $"panel {version.PanelId} version {version.Version} differs from the same version in {origin[key]}"));
                    continue;
                }

                if (!seen.HasEntities && version.HasEntities)
                {
                    version.SignedOffOn ??= seen.SignedOffOn;
                    merged[key] = version;
                    origin[key] = name;
                }
                else
                {
                    seen.SignedOffOn ??= version.SignedOffOn;
                }
            }
        }

        if (issues.Exists(i => i.Severity == IssueSeverity.Error))
        {
            return new PanelImportReport { Stored = false, Files = documents.Count, VersionsRead = merged.Count, Issues = issues };
        }

        return await StoreAsync(merged.Values.ToList(), documents.Count, issues, ct).ConfigureAwait(false);
    }

    private async Task<PanelImportReport> StoreAsync(List<PanelVersion> incoming, int files, List<PanelImportIssue> issues, CancellationToken ct)
    {
        await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        int[] ids = incoming.Select(v => v.PanelId).Distinct().ToArray();
        Dictionary<int, Panel> panels = await db.Panels.Include(p => p.Versions).Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, ct).ConfigureAwait(false);
        int panelsAdded = 0, versionsAdded = 0, completed = 0, unchanged = 0, genes = 0, strs = 0, regions = 0;
        foreach (PanelVersion version in incoming.OrderBy(v => v.PanelId).ThenBy(v => v.Major).ThenBy(v => v.Minor))
        {
            if (!panels.TryGetValue(version.PanelId, out Panel? panel))
            {
                panel = new Panel { Id = version.PanelId, Name = version.Name };
                panel.DescribeFrom(version);
                panels[panel.Id] = panel;
                db.Panels.Add(panel);
                panelsAdded++;
            }

            PanelVersion? stored = panel.Versions.Find(v => v.Version == version.Version);
            if (stored is null)
            {
                panel.Versions.Add(version);
                versionsAdded++;
                Count(version, ref genes, ref strs, ref regions);
            }
            else if (stored.HasEntities && version.HasEntities)
            {
                if (stored.EntityChecksum != version.EntityChecksum)
                {
                    issues.Add(new PanelImportIssue(PanelIssueCodes.ConflictingVersion, IssueSeverity.Error, "(store)", "",
                        $"panel {version.PanelId} version {version.Version} is already stored with different genes, STRs or regions"));
                    continue;
                }

                if (stored.SignedOffOn is null && version.SignedOffOn is not null)
                {
                    stored.SignedOffOn = version.SignedOffOn;
                    completed++;
                }
                else
                {
                    unchanged++;
                }
            }
            else if (version.HasEntities)
            {
                // A list entry stored earlier gains its entities: take the detail response's fields wholesale.
                stored.Name = version.Name;
                stored.DiseaseGroup = version.DiseaseGroup;
                stored.DiseaseSubGroup = version.DiseaseSubGroup;
                stored.Status = version.Status;
                stored.Created ??= version.Created;
                stored.SignedOffOn ??= version.SignedOffOn;
                stored.TypeSlugs = version.TypeSlugs;
                stored.TypeNames = version.TypeNames;
                stored.RelevantDisorders = version.RelevantDisorders;
                stored.StatedGenes = version.StatedGenes;
                stored.StatedStrs = version.StatedStrs;
                stored.StatedRegions = version.StatedRegions;
                stored.HasEntities = true;
                stored.EntityChecksum = version.EntityChecksum;
                stored.Entities.AddRange(version.Entities);
                stored.Components.AddRange(version.Components);
                completed++;
                Count(version, ref genes, ref strs, ref regions);
            }
            else if (stored.SignedOffOn is null && version.SignedOffOn is not null)
            {
                stored.SignedOffOn = version.SignedOffOn;
                completed++;
            }
            else
            {
                unchanged++;
            }
        }

        if (issues.Exists(i => i.Severity == IssueSeverity.Error))
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return new PanelImportReport { Stored = false, Files = files, VersionsRead = incoming.Count, Issues = issues };
        }

        foreach (Panel panel in panels.Values)
        {
            PanelVersion newest = panel.Versions.MaxBy(v => (v.Major, v.Minor))!;
            panel.DescribeFrom(newest);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return new PanelImportReport
        {
            Stored = true,
            Files = files,
            VersionsRead = incoming.Count,
            PanelsAdded = panelsAdded,
            VersionsAdded = versionsAdded,
            VersionsCompleted = completed,
            VersionsUnchanged = unchanged,
            GenesAdded = genes,
            StrsAdded = strs,
            RegionsAdded = regions,
            Issues = issues,
        };
    }

    private static void Count(PanelVersion version, ref int genes, ref int strs, ref int regions)
    {
        foreach (PanelEntity entity in version.Entities)
        {
            switch (entity.Kind)
            {
                case PanelEntityKind.Gene: genes++; break;
                case PanelEntityKind.Str: strs++; break;
                default: regions++; break;
            }
        }
    }
}
