using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Storage;
using RevBot.Core.Work;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// A drill-down press (a follow-up or welcome question, "Open deal") answers in a new message, never in place of the
/// card the person was reading. An invoke's own response can only replace that card, so it is answered with a short
/// message Teams shows briefly (the card stays as it was) and the answer is posted on the work queue, as typed
/// questions are. The invoke is claimed like a message first, so a replayed one posts nothing twice. Scoped.
/// </summary>
public sealed partial class TeamsDrilldowns(RevBotDb db, WorkQueue queue, TimeProvider time, ILogger<TeamsDrilldowns> log)
{
    public async Task<InvokeResponse> PostAsync(BotActivity invoke, string description, Func<TeamsResponder, CancellationToken, Task> post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        ArgumentNullException.ThrowIfNull(post);
        var language = TeamsResponder.Language(invoke);
        var posted = Message(Texts.Get(language, nameof(Catalog.TeamsDrilldownPosted)));
        if (!string.IsNullOrEmpty(invoke.Id) && !await InboundClaims.TryClaimAsync(db, invoke.Id, time.GetUtcNow().UtcDateTime, ct))
        {
            LogReplay(log, invoke.Id);
            return posted;
        }
        if (queue.TryEnqueue(new WorkItem($"teams {description} ({invoke.Id})", (sp, token) => post(sp.GetRequiredService<TeamsResponder>(), token)))) return posted;

        // The queue is full: nothing will be posted, so the claim goes and the person is told to press again later.
        LogBusy(log, invoke.Id);
        if (!string.IsNullOrEmpty(invoke.Id))
            await db.InboundDeliveries.Where(d => d.Platform == ChatPlatform.Teams && d.DeliveryId == invoke.Id).ExecuteDeleteAsync(ct);
        return Message(Texts.Get(language, nameof(Catalog.ChatBusy)));
    }

    private static InvokeResponse Message(string text) => InvokeResponse.ForCardAction(AdaptiveCardInvokeResponse.Message(text));

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams: drill-down invoke {ActivityId} was already processed; acknowledged again, nothing posted.")]
    private static partial void LogReplay(ILogger logger, string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams: the work queue is full; drill-down invoke {ActivityId} was told to try again.")]
    private static partial void LogBusy(ILogger logger, string? activityId);
}
