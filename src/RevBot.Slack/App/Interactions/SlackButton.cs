namespace RevBot.Slack.App.Interactions;

/// <summary>
/// One of the Slack adapter's own buttons, not a Core feature's: its exact action id (after <c>SlackActionIds.BaseId</c>)
/// and what a press does, run on the work queue. Registered in <see cref="SlackInteractionServices"/>; looked up in <see cref="SlackButtons"/>.
/// </summary>
internal sealed record SlackButton(string ActionId, Func<IServiceProvider, SlackActionDelivery, CancellationToken, Task> Press);
