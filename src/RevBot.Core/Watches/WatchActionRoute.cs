using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Interactions;

namespace RevBot.Core.Watches;

/// <summary>"watch.*": Stop and Snooze on a fired watch's message (<see cref="WatchInteractions"/>); they open no form.</summary>
internal static class WatchActionRoute
{
    public static CardActionRoute Route { get; } = CardActionRoute.Prefix(
        WatchActionIds.Prefix,
        (sp, p, userId, ct) => sp.GetRequiredService<WatchInteractions>().PressAsync(p, userId, ct));
}
