using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Storage;

namespace RevBot.Core.Watches;

/// <summary>
/// The watch sentences and commands in chat: "tell me when …" sets a watch (in Slack or Teams; the CLI and the API
/// show what would be watched and set nothing), "my watches" lists, "stop watching …" and "snooze watch … for a week"
/// act on the asker's own watches. A question the watch's words do not fully read is left to the question path, which
/// refuses it naming the words.
/// </summary>
public sealed class WatchCommands(RevBotDb db, VocabularyCache vocabulary, CompanyClock clock, IOptions<CompanyOptions> company, IOptions<WatchOptions> options) : IChatCommand
{
    public async Task<Answer?> TryAnswerAsync(AskRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (WatchCommandReader.Read(request.Question) is { } command)
            return await new WatchList(db, clock).AnswerAsync(command, await OwnerAsync(request, ct), ct);
        // Every chat turn passes here: only a sentence that opens like a watch loads the names and is read.
        if (!WatchSentenceReader.Opens(request.Question)) return null;
        var words = await vocabulary.GetAsync(db, request.Question, ct);
        var context = new ParseContext(request.AsOf ?? clock.Today, company.Value.FiscalYearStartMonth, request.UserEmail, words);
        var parsed = QuestionParser.Parse(request.Question, context);
        if (parsed.Watch is not { } watch || parsed.Intent != Intent.Watch) return null;
        var f = new AnswerFormatter(parsed.Language, company.Value.Currency);
        if (watch.Problem is not null)
            return WatchAnswers.Refused(parsed, WatchText.Problem(watch, parsed, [.. words.Of(Dimension.Stage).Select(s => s.Name)], f));
        var names = parsed.Filters.Count == 0 ? null : await FilterNames.LoadAsync(db, parsed.Filters, ct);
        var restated = $"{WatchText.Restate(watch, parsed, names, f)} {WatchText.Checked(options.Value.CheckEvery, f)}";
        // Only a chat turn (Slack, Teams: the asker's platform id is known) sets a watch; the CLI and the API preview it.
        if (request.PlatformUserId is null)
            return WatchAnswers.Preview(parsed, $"{restated} {f.Text(nameof(Catalog.WatchNotSaved))}");
        if (await OwnerAsync(request, ct) is not { } owner)
            return WatchAnswers.Refused(parsed, f.Text(nameof(Catalog.WatchWhoAreYou)));
        var place = request.Channel;
        // A direct message has no channel (the adapters pass none): "here" there is the asker.
        var channelId = watch.Target switch
        {
            { Here: true } => place?.ChannelId ?? "",
            { ChannelId: { } id } => id,
            { ChannelName: not null } => null,
            _ => "",
        };
        if (channelId is null)
            return WatchAnswers.Refused(parsed, f.Text(nameof(Catalog.WatchChannelUnknown), watch.Target.ChannelName));
        var platform = place?.Platform ?? (owner.TeamsUserId == request.PlatformUserId && owner.SlackUserId != request.PlatformUserId ? ChatPlatform.Teams : ChatPlatform.Slack);
        var live = await db.Watches.CountAsync(w => w.OwnerUserId == owner.Id && w.StoppedAt == null, ct);
        if (live >= options.Value.MaxPerUser)
            return WatchAnswers.Refused(parsed, f.Text(nameof(Catalog.WatchTooMany), live));
        var now = clock.UtcNow;
        var row = new Watch
        {
            OwnerUserId = owner.Id, Platform = platform, ChannelId = channelId, Language = parsed.Language,
            Kind = EnumText.Format(watch.Kind), Question = Fit(watch.Question, 500), Text = Fit(Tokenizer.Clean(request.Question), 1000),
            Spec = JsonSerializer.Serialize(watch), CreatedAt = now, NextCheckAt = now, EventsSince = now,
        };
        db.Watches.Add(row);
        await db.SaveChangesAsync(ct);
        return WatchAnswers.Set(parsed, restated, row.Id);
    }

    private async Task<User?> OwnerAsync(AskRequest request, CancellationToken ct)
    {
        if (request.UserEmail is { } email)
            return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email.ToLower() == email.ToLower(), ct);
        if (request.PlatformUserId is not { } id || request.Channel is null) return null;
        return request.Channel.Platform == ChatPlatform.Teams
            ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.TeamsUserId == id, ct)
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.SlackUserId == id, ct);
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
