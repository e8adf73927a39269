using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;

namespace RevBot.Core.Conversation;

/// <summary>
/// The last question of each conversation, kept in the database (not in memory) so follow-ups survive restarts and
/// work whichever instance receives them. A context idle for 30 minutes is forgotten.
/// </summary>
public sealed class ConversationStore(RevBotDb db, TimeProvider time)
{
    public static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(30);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public async Task<ParsedQuestion?> LoadAsync(string key, CancellationToken ct)
    {
        var row = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, ct);
        if (row is null || time.GetUtcNow().UtcDateTime - row.UpdatedAt > IdleExpiry) return null;
        try
        {
            return JsonSerializer.Deserialize<ParsedQuestion>(row.State, Json);
        }
        catch (JsonException)
        {
            // A context written by an older version that no longer reads is just forgotten.
            return null;
        }
    }

    /// <summary>
    /// One upsert: whichever instance writes a new conversation's first question first, the other's write replaces it
    /// (the latest question wins). No insert can fail on the key, so a lost race leaves no failed command in the log.
    /// </summary>
    public async Task SaveAsync(string key, ParsedQuestion question, CancellationToken ct)
    {
        var state = JsonSerializer.Serialize(question with { Candidates = [], Suggestions = [] }, Json);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO conversations (key, state, updated_at) VALUES ({key}, {state}, {now})
            ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """, ct);
    }

    /// <summary>Deletes contexts idle past the expiry; returns how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - IdleExpiry;
        return db.Conversations.Where(c => c.UpdatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
