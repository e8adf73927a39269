using Microsoft.EntityFrameworkCore;
using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Teams.Protocol.Activities;

namespace RevBot.Teams.App.Conversations;

/// <summary>Keeps conversation_references in step with what Teams tells RevBot (installed, renamed, removed).</summary>
public sealed class ConversationReferenceStore(RevBotDb db, TimeProvider time)
{
    /// <summary>Stores or refreshes the activity's conversation; true when it was new or had been inactive.</summary>
    public async Task<bool> UpsertAsync(BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var fresh = TeamsConversationReferences.From(activity, time.GetUtcNow().UtcDateTime);
        if (fresh.Kind == "personal") fresh.UserId = (await TeamsUsers.FindAsync(db, activity.From, ct))?.Id;

        var stored = await db.ConversationReferences.FirstOrDefaultAsync(r => r.Platform == fresh.Platform && r.ConversationId == fresh.ConversationId, ct);
        if (stored is null)
        {
            db.ConversationReferences.Add(fresh);
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another instance stored it first (Teams sends installationUpdate and conversationUpdate together).
                db.ChangeTracker.Clear();
                stored = await db.ConversationReferences.FirstOrDefaultAsync(r => r.Platform == fresh.Platform && r.ConversationId == fresh.ConversationId, ct);
                if (stored is null) throw;
            }
        }

        var reactivated = !stored.Active;
        stored.Kind = fresh.Kind;
        stored.ServiceUrl = fresh.ServiceUrl;
        stored.TenantId = fresh.TenantId ?? stored.TenantId;
        stored.TeamId = fresh.TeamId ?? stored.TeamId;
        stored.ChannelName = fresh.ChannelName ?? stored.ChannelName;
        stored.PlatformUserId = fresh.PlatformUserId ?? stored.PlatformUserId;
        stored.UserId = fresh.UserId ?? stored.UserId;
        stored.BotId = fresh.BotId ?? stored.BotId;
        stored.UpdatedAt = fresh.UpdatedAt;
        stored.Active = true;
        await db.SaveChangesAsync(ct);
        return reactivated;
    }

    /// <summary>The bot was removed: keep the row (history) but never post there again.</summary>
    public Task<int> DeactivateAsync(BotActivity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return DeactivateAsync(TeamsConversationReferences.From(activity, default).ConversationId, ct);
    }

    public Task<int> DeactivateAsync(string conversationId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.ConversationReferences
            .Where(r => r.Platform == ChatPlatform.Teams && r.ConversationId == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Active, false).SetProperty(r => r.UpdatedAt, now), ct);
    }
}
