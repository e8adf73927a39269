using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Images;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// An answer's chart in its Teams card, as the digests' charts are shown: the PNG is stored under an unguessable
/// token (<see cref="ReplyImageStore"/>, for Digests:ImageLifetime) and the card's Image loads it from
/// <c>{Teams:PublicBaseUrl}/images/{token}.png</c>. Without a public base URL Teams could not load it: nothing is
/// stored and the card keeps the table, which has every number anyway. Scoped.
/// </summary>
public sealed class TeamsAnswerCharts(RevBotDb db, ReplyImageStore images, IOptions<TeamsOptions> teams, IOptions<DigestScheduleOptions> digests)
{
    /// <summary>Where the card's images are loaded from; null when charts cannot be shown.</summary>
    public Uri? ImageBase => teams.Value.PublicBaseUri;

    /// <summary>The answer's reply, its chart image carrying the token of the stored bytes when there is one to show.</summary>
    public async Task<Reply> ReplyAsync(Answer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer is not { Chart: { } chart, ChartImage: { } image } || ImageBase is null) return answer.Reply;
        var token = images.Add(image.Png, ReplyImageStore.Png, digests.Value.ImageLifetime);
        await db.SaveChangesAsync(ct);
        return answer.Reply with { Images = [.. answer.Reply.Images.Select(i => i.FileName == chart.File && i.Token is null ? i with { Token = token } : i)] };
    }
}
