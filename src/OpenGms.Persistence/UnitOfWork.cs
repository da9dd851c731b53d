using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenGms.Kernel;

namespace OpenGms.Persistence;

/// <summary>A module context registered through <see cref="ModuleDbContexts.AddModuleDbContext{TContext, TSqlite, TPostgres}"/>, as the unit of work sees it.</summary>
/// <param name="Context">The scoped context.</param>
public sealed record ModuleDbContextHandle(DbContext Context);

/// <summary>
/// Puts every module context of the scope on one connection and one transaction. Every module shares one database
/// (one SQLite file, or one PostgreSQL database), so a single ADO.NET transaction covers them all.
/// </summary>
internal sealed class EfUnitOfWork(IEnumerable<ModuleDbContextHandle> handles) : IUnitOfWork
{
    public async Task<IUnitOfWorkTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        List<DbContext> contexts = handles.Select(h => h.Context).Distinct().ToList();
        if (contexts.Count == 0)
        {
            throw new InvalidOperationException("No module database is registered in this scope.");
        }

        DbContext owner = contexts[0];
        await owner.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        IDbContextTransaction transaction = await owner.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        DbConnection connection = owner.Database.GetDbConnection();
        DbTransaction dbTransaction = transaction.GetDbTransaction();
        foreach (DbContext other in contexts.Skip(1))
        {
            // Invariant: the other contexts have no open connection between operations (EF closes what it opened).
            other.Database.SetDbConnection(connection, contextOwnsConnection: false);
            await other.Database.UseTransactionAsync(dbTransaction, cancellationToken).ConfigureAwait(false);
        }

        return new Transaction(owner, contexts, transaction);
    }

    private sealed class Transaction(DbContext owner, List<DbContext> contexts, IDbContextTransaction transaction) : IUnitOfWorkTransaction
    {
        private bool _committed;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                await transaction.RollbackAsync().ConfigureAwait(false);
                // Entities tracked during the failed transaction were never stored: forget them.
                foreach (DbContext context in contexts)
                {
                    context.ChangeTracker.Clear();
                }
            }

            foreach (DbContext other in contexts.Skip(1))
            {
                await other.Database.UseTransactionAsync(null).ConfigureAwait(false);
            }

            await transaction.DisposeAsync().ConfigureAwait(false);
            await owner.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
