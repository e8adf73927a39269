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

/// <summary>The background half of the messages endpoint: answers a question and sends the welcome card. Scoped.</summary>
public sealed partial class TeamsResponder(TeamsUserDirectory users, AskService ask, QuestionRateLimiter limiter, ConnectorClient connector, TeamsAnswerCharts charts, ILogger<TeamsResponder> log)
{
    /// <summary>Typing first (Teams shows it until the answer arrives), then the answer card as a reply.</summary>
    public async Task AnswerMessageAsync(BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var address = ConversationAddress.From(activity);
        var typing = await connector.SendTypingAsync(address, ct);
        if (!typing.Succeeded) LogSendFailed(log, "typing indicator", address.ConversationId, typing.Error!.Kind, typing.Error.Message);

        Reply reply;
        var language = Language(activity);
        try
        {
            var answer = await AskAsync(activity, Question(activity), ct);
            (reply, language) = (await charts.ReplyAsync(answer, ct), answer.Language);
        }
        catch (Exception ex) when (DataUnavailable.Is(ex))
        {
            // Tell the person rather than leave them with a typing indicator; never a number without the data.
            reply = DataUnavailable.Reply(language);
        }
        var card = activity.ReplyWith(ReplyCardRenderer.ToActivity(reply, imageBase: charts.ImageBase, language: language));
        var sent = string.IsNullOrEmpty(activity.Id)
            ? await connector.SendAsync(address, card, ct)
            : await connector.ReplyAsync(address, activity.Id, card, ct);
        if (!sent.Succeeded) LogSendFailed(log, "answer card", address.ConversationId, sent.Error!.Kind, sent.Error.Message);
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
    private static ChannelTarget? Channel(BotActivity activity) =>
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
