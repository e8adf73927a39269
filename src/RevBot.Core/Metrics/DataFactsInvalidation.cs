using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RevBot.Core.Domain;

namespace RevBot.Core.Metrics;

/// <summary>
/// Drops the <see cref="DataFactsCache"/> when a save adds, changes or deletes the rows the facts are read from: before
/// the save (so no question keeps facts read while it runs) and after it (so none keeps facts read before its commit).
/// </summary>
public sealed class DataFactsInvalidation(DataFactsCache cache) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Saving = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => After(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return Task.CompletedTask;
    }

    private void Before(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Counts(e.Entity))) return;
        Saving.AddOrUpdate(context, context);
        cache.Invalidate();
    }

    private void After(DbContext? context)
    {
        if (context is null || !Saving.Remove(context)) return;
        cache.Invalidate();
    }

    private static bool Counts(object entity) => entity is Deal or Subscription or Quota or Spend or ForecastSnapshot;
}
