using RevBot.Core.Conversation;
using RevBot.Core.Storage;

namespace RevBot.Host.Hosting;

/// <summary>
/// Loads the question vocabulary once as the host starts, so the first question does not wait for it (seconds on a
/// large database). After that <see cref="VocabularyCache"/> refreshes itself in the background. If the database
/// cannot be read now, the first question loads it instead: logged, not fatal.
/// </summary>
internal sealed class VocabularyWarmup(VocabularyCache vocabulary, IServiceScopeFactory scopes, ILogger<VocabularyWarmup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var words = await vocabulary.GetAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), stoppingToken);
            log.LogInformation("Question vocabulary loaded: {Names:N0} names.", words.Entities.Values.Sum(v => v.Count));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogWarning(ex, "Could not load the question vocabulary at start; the first question will.");
        }
    }
}
