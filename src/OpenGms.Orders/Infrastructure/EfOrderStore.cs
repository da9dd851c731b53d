using Microsoft.EntityFrameworkCore;
using OpenGms.Orders.Application;
using OpenGms.Orders.Domain;
using OpenGms.Orders.Domain.Lifecycle;
using OpenGms.Orders.Infrastructure.Persistence;

namespace OpenGms.Orders.Infrastructure;

internal sealed class EfOrderStore(OrdersDbContext db) : IOrderStore
{
    public async Task AddAsync(Order order, StatusChange placed, CancellationToken cancellationToken)
    {
        db.Orders.Add(order);
        db.StatusChanges.Add(placed);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Orders.Include(o => o.Samples).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        IQueryable<Order> orders = db.Orders.AsNoTracking().Include(o => o.Samples);
        if (query.RequestedBy is not null)
        {
            orders = orders.Where(o => o.RequestedBy == query.RequestedBy);
        }

        if (query.GlhCode is not null)
        {
            orders = orders.Where(o => o.GlhCode == query.GlhCode);
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            OrderStatus[] wanted = statuses.ToArray();
            orders = orders.Where(o => wanted.Contains(o.Status));
        }

        if (query.PatientId is Guid patient)
        {
            orders = orders.Where(o => o.PatientId == patient);
        }

        return await orders.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id).Take(query.Limit).AsSplitQuery()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StatusChange>> HistoryAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.StatusChanges.AsNoTracking().Where(c => c.OrderId == orderId).OrderBy(c => c.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> EnteredAsync(OrderStatus status, CancellationToken cancellationToken)
    {
        var rows = await db.StatusChanges.AsNoTracking().Where(c => c.To == status && c.From != status).OrderBy(c => c.Sequence)
            .Select(c => new { c.OrderId, c.At }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var first = new Dictionary<Guid, DateTimeOffset>();
        foreach (var row in rows)
        {
            first.TryAdd(row.OrderId, row.At);
        }

        return first;
    }

    public async Task<bool> SaveAsync(Order order, StatusChange? change, CancellationToken cancellationToken)
    {
        if (change is not null)
        {
            db.StatusChanges.Add(change);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

internal sealed class EfRoutingStore(OrdersDbContext db) : IRoutingStore
{
    public async Task<Domain.Routing.RoutingTable> LoadAsync(CancellationToken cancellationToken)
    {
        List<GlhRow> glhs = await db.Glhs.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        List<OrganisationRow> organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        List<SpecialistTestRow> specialist = await db.SpecialistTests.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Domain.Routing.RoutingTable(
            glhs.Select(g => new Domain.Routing.Glh(g.Code, g.Name)),
            organisations.Select(o => new Domain.Routing.ReferringOrganisation(o.OdsCode, o.Name, o.GlhCode)),
            specialist.Select(s => new Domain.Routing.SpecialistTest(s.Code, s.Name, s.GlhCodes.Split(';'))));
    }

    public async Task ReplaceAsync(Domain.Routing.RoutingTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        bool own = db.Database.CurrentTransaction is null;
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = own
            ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            await db.Organisations.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.SpecialistTests.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Glhs.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            db.Glhs.AddRange(table.Glhs.Select(g => new GlhRow { Code = g.Code, Name = g.Name }));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.Organisations.AddRange(table.Organisations.Select(o => new OrganisationRow { OdsCode = o.OdsCode, Name = o.Name, GlhCode = o.GlhCode }));
            db.SpecialistTests.AddRange(table.SpecialistTests.Select(s => new SpecialistTestRow { Code = s.Code, Name = s.Name, GlhCodes = string.Join(';', s.GlhCodes) }));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            db.ChangeTracker.Clear();
        }
    }
}
