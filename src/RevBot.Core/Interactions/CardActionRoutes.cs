namespace RevBot.Core.Interactions;

/// <summary>
/// The card buttons and forms every feature registered (<see cref="CardActionRoute"/>), looked up by action or form id.
/// Built once (singleton): two routes that could both answer one id stop the host at start instead of one of them
/// silently never being reached.
/// </summary>
public sealed class CardActionRoutes
{
    private readonly CardActionRoute[] routes;

    public CardActionRoutes(IEnumerable<CardActionRoute> routes)
    {
        this.routes = [.. routes];
        for (var i = 0; i < this.routes.Length; i++)
        {
            for (var j = i + 1; j < this.routes.Length; j++)
            {
                if (this.routes[i].Overlaps(this.routes[j]))
                    throw new InvalidOperationException($"Card action routes \"{this.routes[i].Key}\" and \"{this.routes[j].Key}\" overlap: each button must have one handler.");
            }
        }
    }

    /// <summary>The route answering <paramref name="id"/>, or null when no feature claims it (the adapter's own buttons, "ask").</summary>
    public CardActionRoute? Find(string? id) => id is null ? null : Array.Find(routes, r => r.Matches(id));

    /// <summary>True for the ids Core answers through <see cref="InteractionService"/>; other buttons stay with the adapter.</summary>
    public bool Handles(string? id) => Find(id) is not null;
}
