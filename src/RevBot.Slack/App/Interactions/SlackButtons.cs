using RevBot.Core.Interactions;

namespace RevBot.Slack.App.Interactions;

/// <summary>
/// Who answers a button press: the Core feature that claimed its id (<see cref="CardActionRoutes"/>), else the adapter's
/// own button of that id, else nobody (the presser is told RevBot doesn't know the button). Built once: an adapter id
/// registered twice, or also claimed by a Core feature, stops the host at start, so every id has one handler.
/// </summary>
internal sealed class SlackButtons
{
    private readonly Dictionary<string, SlackButton> buttons = new(StringComparer.Ordinal);
    private readonly CardActionRoutes routes;

    public SlackButtons(IEnumerable<SlackButton> buttons, CardActionRoutes routes)
    {
        this.routes = routes;
        foreach (var button in buttons)
        {
            if (routes.Handles(button.ActionId) || !this.buttons.TryAdd(button.ActionId, button))
                throw new InvalidOperationException($"The Slack button \"{button.ActionId}\" has two handlers: each button must have one.");
        }
    }

    /// <summary>True when a Core feature answers the press through <see cref="InteractionService"/>.</summary>
    public bool IsCores(SlackActionDelivery a) => SlackInteractionProcessor.Handles(a, routes);

    /// <summary>The adapter's own button of this id, or null.</summary>
    public SlackButton? Find(string actionId) => buttons.GetValueOrDefault(actionId);
}
