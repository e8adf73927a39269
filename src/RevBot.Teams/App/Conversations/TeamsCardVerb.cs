using System.Text.Json;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// One of the Teams adapter's own card verbs, not a Core feature's: its exact verb and the invoke response a press gets
/// (the action's <c>data</c> is passed as sent). Registered in <see cref="TeamsConversationServices"/>; looked up in <see cref="TeamsCardVerbs"/>.
/// </summary>
public sealed record TeamsCardVerb(string Verb, Func<IServiceProvider, BotActivity, JsonElement?, CancellationToken, Task<InvokeResponse>> Invoke);
