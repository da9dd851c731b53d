namespace OpenGms.Kernel;

/// <summary>
/// One database transaction shared by every module's store in the current scope, for a use case that must write to
/// more than one module at once (a FHIR order bundle creates a patient in Consent and an order in Orders): either
/// everything is stored or nothing is. Modules still talk only through Contracts; the hosts own the scope.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Begins the shared transaction; dispose without <see cref="IUnitOfWorkTransaction.CommitAsync"/> to roll back.</summary>
    Task<IUnitOfWorkTransaction> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>An open shared transaction.</summary>
public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    /// <summary>Commits every module's writes made since <see cref="IUnitOfWork.BeginAsync"/>.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
