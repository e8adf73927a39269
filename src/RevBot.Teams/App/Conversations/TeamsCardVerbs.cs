using RevBot.Core.Interactions;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// Who answers an Adaptive Card action: the Core feature that claimed its verb (<see cref="CardActionRoutes"/>), else
/// the adapter's own verb of that name, else nobody (a 400 error response). Built once: a verb registered twice, or also
/// claimed by a Core feature, stops the host at start, so every verb has one handler.
/// </summary>
public sealed class TeamsCardVerbs
{
    private readonly Dictionary<string, TeamsCardVerb> verbs = new(StringComparer.Ordinal);
    private readonly CardActionRoutes routes;

    public TeamsCardVerbs(IEnumerable<TeamsCardVerb> verbs, CardActionRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(verbs);
        ArgumentNullException.ThrowIfNull(routes);
        this.routes = routes;
        foreach (var verb in verbs)
        {
            if (routes.Handles(verb.Verb) || !this.verbs.TryAdd(verb.Verb, verb))
                throw new InvalidOperationException($"The Teams card verb \"{verb.Verb}\" has two handlers: each verb must have one.");
        }
    }

    /// <summary>True when a Core feature answers <paramref name="verb"/> through <see cref="InteractionService"/>.</summary>
    public bool IsCores(string? verb) => routes.Handles(verb);

    /// <summary>The adapter's own verb of this name, or null.</summary>
    public TeamsCardVerb? Find(string? verb) => verb is null ? null : verbs.GetValueOrDefault(verb);
}
