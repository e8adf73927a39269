using Microsoft.Extensions.Logging;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Connector;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// The background half of the messages endpoint: answers a question (typed, or a drill-down button's), posts a
/// drill-down's card and sends the welcome card. Scoped.
/// </summary>
public sealed partial class TeamsResponder(TeamsUserDirectory users, AskService ask, QuestionRateLimiter limiter, ConnectorClient connector, TeamsAnswerCharts charts, ILogger<TeamsResponder> log)
{
    /// <summary>Typing first (Teams shows it until the answer arrives), then the answer card as a reply.</summary>
    public Task AnswerMessageAsync(BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AnswerAsync(activity, Question(activity), activity.Id, ct);
    }

    /// <summary>
    /// A drill-down button's question ("How is this calculated?", "By rep", a welcome question), pressed on a card: the
    /// answer comes as a new message replying to that card (in a channel, in its thread), which stays as it was.
    /// </summary>
    public Task AnswerButtonAsync(BotActivity invoke, string question, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        return AnswerAsync(invoke, question, invoke.ReplyToId, ct);
    }

    /// <summary>A drill-down's card from Core ("Open deal"), posted as a new message replying to the card pressed.</summary>
    public async Task PostBesideAsync(BotActivity invoke, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        await SendAsync(invoke, invoke.ReplyToId, ReplyCardRenderer.ToActivity(reply, imageBase: charts.ImageBase, language: Language(invoke)), "drill-down card", ct);
    }

    private async Task AnswerAsync(BotActivity activity, string question, string? replyToId, CancellationToken ct)
    {
        var address = ConversationAddress.From(activity);
        var typing = await connector.SendTypingAsync(address, ct);
        if (!typing.Succeeded) LogSendFailed(log, "typing indicator", address.ConversationId, typing.Error!.Kind, typing.Error.Message);

        Reply reply;
        var language = Language(activity);
        try
        {
            var answer = await AskAsync(activity, question, ct);
            (reply, language) = (await charts.ReplyAsync(answer, ct), answer.Language);
        }
        catch (Exception ex) when (DataUnavailable.Is(ex))
        {
            // Tell the person rather than leave them with a typing indicator; never a number without the data.
            reply = DataUnavailable.Reply(language);
        }
        await SendAsync(activity, replyToId, ReplyCardRenderer.ToActivity(reply, imageBase: charts.ImageBase, language: language), "answer card", ct);
    }

    /// <summary>As a reply to <paramref name="replyToId"/> when there is one (in a channel: in its thread), else a new message.</summary>
    private async Task SendAsync(BotActivity activity, string? replyToId, BotActivity outgoing, string what, CancellationToken ct)
    {
        var address = ConversationAddress.From(activity);
        var card = activity.ReplyWith(outgoing) with { ReplyToId = replyToId };
        var sent = string.IsNullOrEmpty(replyToId)
            ? await connector.SendAsync(address, card, ct)
            : await connector.ReplyAsync(address, replyToId, card, ct);
        if (!sent.Succeeded) LogSendFailed(log, what, address.ConversationId, sent.Error!.Kind, sent.Error.Message);
    }

    /// <summary>
    /// Answers for the user behind the activity (so "my pipeline" is theirs), with follow-ups tied to its conversation.
    /// A Teams user who is not a RevBot user is asked as nobody: "my" questions then say RevBot does not know them.
    /// </summary>
    public async Task<Answer> AskAsync(BotActivity activity, string question, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!limiter.TryAcquire($"teams:{activity.From?.AadObjectId ?? activity.From?.Id}")) return QuestionRateLimiter.TooFast(question);
        var email = (await users.FindAsync(activity, ct))?.Email;
        return await ask.AskAsync(new AskRequest(question, email, null, ConversationKey(activity))
        {
            Channel = Channel(activity),
            PlatformUserId = activity.From?.Id,
            Platform = ChatPlatform.Teams,
        }, ct);
    }

    public async Task SendWelcomeAsync(BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var address = ConversationAddress.From(activity);
        var inChannel = activity.Conversation?.ConversationType is "channel" or "groupChat";
        var language = Language(activity);
        var welcome = BotActivity.Message(null, WelcomeCard.Create(inChannel: inChannel, language: language).ToAttachment())
            with
        { Summary = Texts.Get(language, nameof(Catalog.TeamsWelcomeTitle)) };
        var sent = await connector.SendAsync(address, welcome, ct);
        if (!sent.Succeeded) LogSendFailed(log, "welcome card", address.ConversationId, sent.Error!.Kind, sent.Error.Message);
    }

    /// <summary>The language to answer in when no question was read (Teams sends the client's locale, e.g. "es-ES").</summary>
    public static string Language(BotActivity activity) => Texts.LanguageOf(activity?.Locale);

    /// <summary>"teams:{conversation.id}": in a channel the id names the thread, so follow-ups stay in their thread.</summary>
    public static string ConversationKey(BotActivity activity) => $"teams:{activity?.Conversation?.Id}";

    /// <summary>
    /// The channel or group chat the message came from (the conversation id without its ";messageid=" thread part, as
    /// conversation references store it); null in a personal chat, where channel commands do not apply.
    /// </summary>
    internal static ChannelTarget? Channel(BotActivity activity) =>
        activity.Conversation is { Id: { Length: > 0 } id, ConversationType: "channel" or "groupChat" }
            ? new ChannelTarget(ChatPlatform.Teams, id.Split(";messageid=", 2)[0])
            : null;

    private static string Question(BotActivity activity)
    {
        var text = Mentions.TextWithoutBotMention(activity);
        // A bare @mention is a request for help rather than nothing at all.
        return string.IsNullOrWhiteSpace(text) ? "help" : text;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams: the {What} to conversation {ConversationId} was not sent ({Kind}): {Message}")]
    private static partial void LogSendFailed(ILogger logger, string what, string conversationId, ConnectorErrorKind kind, string message);
}
