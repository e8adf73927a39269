using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// The names questions may mention (reps, teams, regions, segments, products, accounts…), read from the database by
/// <see cref="VocabularyLoader"/> and kept: a cache that may be lost, never state. Stale while it refreshes: once the
/// names are <see cref="Lifetime"/> old, the next question starts one refresh in the background, on its own scope,
/// and every question keeps the names it has until the new ones are ready. Only the very first load, when there is
/// nothing to answer from, is waited for (the host starts it at start-up). A failed refresh is logged and tried
/// again <see cref="RetryAfter"/> later, still answering from the old names.
/// </summary>
public sealed class VocabularyCache(TimeProvider time, IServiceScopeFactory scopes, ILogger<VocabularyCache> log) : IAsyncDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _firstLoad = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private volatile Loaded? _current;
    private Task? _refresh;
    private bool _again;

    private sealed record Loaded(LoadedNames Names, DateTimeOffset LoadedAt, DateTimeOffset RefreshAt)
    {
        public QuestionVocabulary Vocabulary => Names.Vocabulary;
    }

    /// <summary>The refresh running now, if any (for tests and diagnostics).</summary>
    public Task? Refreshing
    {
        get
        {
            lock (_lock) return _refresh is { IsCompleted: false } running ? running : null;
        }
    }

    /// <summary>
    /// Set by a process that answers one question and exits (<c>revbot ask</c>): nothing is kept, and each question
    /// reads only the names it could mention (<see cref="VocabularyLoader.LoadForQuestionAsync"/>), not every account.
    /// </summary>
    public bool OneQuestion { get; set; }

    /// <summary>The names to read <paramref name="question"/> with.</summary>
    public Task<QuestionVocabulary> GetAsync(RevBotDb db, string question, CancellationToken ct) =>
        OneQuestion ? VocabularyLoader.LoadForQuestionAsync(db, question, ct) : GetAsync(db, ct);

    /// <summary>The names to read a question with: the ones kept, at once; only the first time, loaded on <paramref name="db"/>.</summary>
    public async Task<QuestionVocabulary> GetAsync(RevBotDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_current is { } current)
        {
            // Old names: one refresh starts in the background (it logs its own failures); this question does not wait.
            if (time.GetUtcNow() >= current.RefreshAt) _ = StartRefresh(again: false);
            return current.Vocabulary;
        }
        // Nothing to answer from yet: this caller loads, on its own context so a failure (the database unreachable)
        // reaches it as it would from any query; whoever asks meanwhile waits for the same load.
        await _firstLoad.WaitAsync(ct);
        try
        {
            if (_current is { } loaded) return loaded.Vocabulary;
            var names = await VocabularyLoader.LoadAsync(db, previous: null, ct);
            Keep(names);
            return names.Vocabulary;
        }
        finally
        {
            _firstLoad.Release();
        }
    }

    /// <summary>
    /// Reads the names again soon (after an import): questions keep the old ones until the new ones are ready, which
    /// the returned task waits for. A refresh already running when this is called is followed by one more, since it
    /// may have read before the import's rows were there.
    /// </summary>
    public Task Invalidate() => StartRefresh(again: true);

    private Task StartRefresh(bool again)
    {
        lock (_lock)
        {
            if (_refresh is { IsCompleted: false } running)
            {
                _again |= again;
                return running;
            }
            _again = false;
            return _refresh = Task.Run(RefreshAsync);
        }
    }

    private async Task RefreshAsync()
    {
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                Keep(await VocabularyLoader.LoadAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), _current?.Names, _stopping.Token));
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var kept = _current;
                log.LogWarning(ex, "Could not refresh the question vocabulary; questions keep the names loaded at {LoadedAt:u}; trying again in {Retry}.",
                    kept?.LoadedAt, RetryAfter);
                if (kept is not null) _current = kept with { RefreshAt = time.GetUtcNow() + RetryAfter };
                return;
            }
            lock (_lock)
            {
                if (!_again) return;
                _again = false;
            }
        }
    }

    private void Keep(LoadedNames names)
    {
        // The matching index is built here, off the question path, before any question sees these names (unchanged
        // names come back as the same instance, whose index is already built).
        EntityIndex.For(names.Vocabulary);
        var now = time.GetUtcNow();
        _current = new Loaded(names, now, now + Lifetime);
    }

    /// <summary>The names kept now, if any (for tests: an unchanged database keeps the very same instance).</summary>
    public QuestionVocabulary? Current => _current?.Vocabulary;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (Refreshing is { } running)
        {
            try { await running; }
            catch (OperationCanceledException) { }
        }
        _stopping.Dispose();
        _firstLoad.Dispose();
    }
}
