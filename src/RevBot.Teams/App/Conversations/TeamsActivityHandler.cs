using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Core.Work;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// Decides what an authenticated activity means. Messages are answered in the background (Teams wants its 200 within
/// seconds); conversation and installation updates keep the stored references; card actions are answered in the HTTP
/// response itself. Returns null for "200, empty body". Scoped.
/// </summary>
public sealed partial class TeamsActivityHandler(
    RevBotDb db,
    ConversationReferenceStore references,
    TeamsCardVerbs verbs,
    WorkQueue queue,
    TimeProvider time,
    IServiceProvider services,
    ILogger<TeamsActivityHandler> log)
{
    /// <summary>The queue is full: Teams will retry, and the claim is released so that retry is processed.</summary>
    public static InvokeResponse Busy { get; } = new(503, null);

    public async Task<InvokeResponse?> HandleAsync(BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // An invoke is answered in its own HTTP response; one that posts a new message (a drill-down) is claimed where it
        // posts (TeamsDrilldowns), so a retried one posts nothing twice.
        if (activity.Type == ActivityTypes.Invoke) return await InvokeOrUnavailableAsync(activity, ct);
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate)) return null;

        try
        {
            if (!string.IsNullOrEmpty(activity.Id) && !await InboundClaims.TryClaimAsync(db, activity.Id, time.GetUtcNow().UtcDateTime, ct))
            {
                LogReplay(log, activity.Type, activity.Id);
                return null;
            }
            return activity.Type switch
            {
                ActivityTypes.Message => await MessageAsync(activity, ct),
                ActivityTypes.ConversationUpdate => await ConversationUpdateAsync(activity, ct),
                _ => await InstallationUpdateAsync(activity, ct),
            };
        }
        catch (Exception ex) when (DataUnavailable.Is(ex))
        {
            LogDataUnavailable(log, activity.Type, activity.Id, DataUnavailable.Describe(ex));
            // A message is still answered, unclaimed: its answer says the data can't be reached, and silence would be
            // worse than a rare second such reply. An update stored nothing: 503 has Teams send it again later.
            return activity.Type == ActivityTypes.Message ? await MessageAsync(activity, ct) : Unavailable;
        }
    }

    /// <summary>The database could not be reached, so nothing was stored: Teams sends the activity again later.</summary>
    public static InvokeResponse Unavailable { get; } = new(503, null);

    private async Task<InvokeResponse?> MessageAsync(BotActivity activity, CancellationToken ct)
    {
        // Card submits (Action.Submit) and reactions carry no text: nothing to answer.
        if (string.IsNullOrWhiteSpace(activity.Text)) return null;
        return await EnqueueAsync(activity, "answering a message", (sp, token) => sp.GetRequiredService<TeamsResponder>().AnswerMessageAsync(activity, token), ct);
    }

    private async Task<InvokeResponse?> ConversationUpdateAsync(BotActivity activity, CancellationToken ct)
    {
        var botId = activity.Recipient?.Id;
        if (botId is not null && activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            await references.DeactivateAsync(activity, ct);
            return null;
        }
        var isNew = await references.UpsertAsync(activity, ct);
        var botAdded = botId is not null && activity.MembersAdded?.Any(m => m.Id == botId) == true;
        // Teams sends installationUpdate and conversationUpdate for one install: whichever stores the reference first welcomes.
        return botAdded && isNew ? await WelcomeAsync(activity, ct) : null;
    }

    private async Task<InvokeResponse?> InstallationUpdateAsync(BotActivity activity, CancellationToken ct)
    {
        var action = activity.Action ?? "";
        if (action.StartsWith("remove", StringComparison.Ordinal))
        {
            // "remove-upgrade" is an upgrade in progress, not a removal.
            if (action == "remove") await references.DeactivateAsync(activity, ct);
            return null;
        }
        var isNew = await references.UpsertAsync(activity, ct);
        return action == "add" && isNew ? await WelcomeAsync(activity, ct) : null;
    }

    private Task<InvokeResponse?> WelcomeAsync(BotActivity activity, CancellationToken ct) =>
        EnqueueAsync(activity, "sending the welcome card", (sp, token) => sp.GetRequiredService<TeamsResponder>().SendWelcomeAsync(activity, token), ct);

    private async Task<InvokeResponse?> EnqueueAsync(BotActivity activity, string description, Func<IServiceProvider, CancellationToken, Task> run, CancellationToken ct)
    {
        if (queue.TryEnqueue(new WorkItem($"teams {description} ({activity.Id})", run))) return null;
        LogBusy(log, activity.Id);
        if (!string.IsNullOrEmpty(activity.Id))
            await db.InboundDeliveries.Where(d => d.Platform == ChatPlatform.Teams && d.DeliveryId == activity.Id)
                .ExecuteDeleteAsync(ct);
        return Busy;
    }

    /// <summary>A card action while the database can't be reached gets a card saying so, in the presser's language; nothing changed.</summary>
    private async Task<InvokeResponse> InvokeOrUnavailableAsync(BotActivity activity, CancellationToken ct)
    {
        try
        {
            return await InvokeAsync(activity, ct);
        }
        catch (Exception ex) when (DataUnavailable.Is(ex))
        {
            LogDataUnavailable(log, activity.Type, activity.Id, DataUnavailable.Describe(ex));
            // A deal or hand-off button may have meant a change: the presser is told nothing was changed; a question's, no
            // number. Shown briefly as a message: the card they were reading stays, buttons and all, to press again later.
            var language = TeamsResponder.Language(activity);
            var verb = SafeVerb(activity);
            var reply = verbs.IsCores(verb) ? DataUnavailable.NothingChanged(language) : DataUnavailable.Reply(language);
            return InvokeResponse.ForCardAction(AdaptiveCardInvokeResponse.Message(ReplyText.TitleAndText(reply.Title, reply.Text)));
        }
    }

    private static string? SafeVerb(BotActivity activity)
    {
        try { return activity.GetValue<AdaptiveCardInvokeValue>()?.Action?.Verb; }
        catch (JsonException) { return null; }
    }

    private async Task<InvokeResponse> InvokeAsync(BotActivity activity, CancellationToken ct)
    {
        if (activity.Name != AdaptiveCardInvokeValue.InvokeName) return InvokeResponse.NotImplemented;
        AdaptiveCardInvokeValue? value;
        try { value = activity.GetValue<AdaptiveCardInvokeValue>(); }
        catch (JsonException) { value = null; }

        // Core's buttons first, then the adapter's own verbs ("ask"); a verb nobody registered is a 400 error response.
        var verb = value?.Action?.Verb;
        if (verbs.IsCores(verb)) return await InteractAsync(activity, verb!, value!.Action!.Data, ct);
        if (verbs.Find(verb) is { } own) return await own.Invoke(services, activity, value!.Action!.Data, ct);
        return InvokeResponse.ForCardAction(AdaptiveCardInvokeResponse.Error(400, "BadRequest", Texts.Get(TeamsResponder.Language(activity), nameof(Catalog.TeamsUnknownAction), verb)));
    }

    /// <summary>
    /// Deal, data-health and hand-off buttons and the forms they open, through Core's <see cref="InteractionService"/>.
    /// The invoke response replaces the card the user acted on: the new card (with its own buttons), the form (again,
    /// with its errors), or for a refusal a message shown to the presser while the card stays as it was. A drill-down's
    /// card ("Open deal") is posted as a new message instead (<see cref="TeamsDrilldowns"/>), the card pressed untouched.
    /// The activity's locale says how the person writes amounts and which language a "changed since you opened it" speaks.
    /// </summary>
    private async Task<InvokeResponse> InteractAsync(BotActivity activity, string verb, JsonElement? data, CancellationToken ct)
    {
        var interactions = services.GetRequiredService<InteractionService>();
        var user = await services.GetRequiredService<TeamsUserDirectory>().FindAsync(activity, ct);
        var reply = FormCard.Read(data) is { } form
            ? await interactions.SubmitAsync(new FormSubmission(form.FormId, form.State, form.Values, user?.Id, user?.Email, ChangeChannel.Teams, activity.Locale), ct)
            : await interactions.PressAsync(new CardPress(verb, TeamsAskVerb.QuestionOf(data) ?? "", user?.Id, user?.Email, ChangeChannel.Teams, activity.Locale) { ChannelId = TeamsResponder.Channel(activity)?.ChannelId }, ct);
        if (reply.InNewMessage)
            return await services.GetRequiredService<TeamsDrilldowns>().PostAsync(activity, "posting a drill-down card", (responder, token) => responder.PostBesideAsync(activity, reply, token), ct);
        return InvokeResponse.ForCardAction(reply switch
        {
            { Kind: ReplyKind.Form, Form: { } f } => AdaptiveCardInvokeResponse.Card(FormCard.Render(f)),
            { Kind: ReplyKind.Refused } => AdaptiveCardInvokeResponse.Message(ReplyText.TitleAndText(reply.Title, reply.Text)),
            // The notice ("Updated by … just now", "This deal changed since you opened it…") leads the card's text.
            _ => AdaptiveCardInvokeResponse.Card(ReplyCardRenderer.Render(ReplyCardRenderer.WithNoticeInText(reply))),
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams: {Type} activity {ActivityId} was already processed; acknowledged again.")]
    private static partial void LogReplay(ILogger logger, string type, string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams: the database could not be reached ({Error}) for {Type} activity {ActivityId}: a message or card action is told so, an update refused with 503 for Teams to resend.")]
    private static partial void LogDataUnavailable(ILogger logger, string type, string? activityId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams: the work queue is full; activity {ActivityId} refused with 503 for Teams to retry.")]
    private static partial void LogBusy(ILogger logger, string? activityId);
}
