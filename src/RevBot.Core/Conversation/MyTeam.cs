using Microsoft.EntityFrameworkCore;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// What "my team" means for the person asking: their own team, and for a manager the teams of everyone in their
/// reporting line (users.manager_id, followed down). A VP whose own team ("Sales") holds no deals is asking about the
/// teams under them, never about an empty team; the answer then names every team it counted.
/// </summary>
internal static class MyTeam
{
    /// <returns>The question with the team filled in, or null when the asker has no team and manages nobody with one.</returns>
    public static async Task<ParsedQuestion?> ResolveAsync(RevBotDb db, string? email, ParsedQuestion question, CancellationToken ct)
    {
        if (email is null) return null;
        // UNION, not UNION ALL: a loop in the manager data ends instead of recursing for ever.
        var teams = await db.Database.SqlQuery<string>($"""
            WITH RECURSIVE line(id) AS (
              SELECT id FROM users WHERE email = {email}
              UNION
              SELECT u.id FROM users u JOIN line l ON u.manager_id = l.id)
            SELECT DISTINCT u.team AS "Value" FROM users u JOIN line l ON l.id = u.id WHERE u.team IS NOT NULL
            """).ToListAsync(ct);
        var filters = new Dictionary<Dimension, string>(question.Filters);
        filters.Remove(Dimension.Team);
        if (teams.Count == 0) return null;
        if (teams.Count == 1) return question with { Filters = new Dictionary<Dimension, string>(filters) { [Dimension.Team] = teams[0] } };
        var sets = new Dictionary<Dimension, ValueSet>(question.Conditions.Sets) { [Dimension.Team] = new ValueSet([.. teams.Order(StringComparer.Ordinal)], Exclude: false) };
        return question with { Filters = filters, Conditions = question.Conditions with { Sets = sets } };
    }
}
