using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Watches;

/// <summary>"my watches", "stop watching …", "snooze watch … for a week": on the asker's own live watches only.</summary>
internal sealed class WatchList(RevBotDb db, CompanyClock clock)
{
    public async Task<Answer> AnswerAsync(WatchCommand command, User? owner, CancellationToken ct)
    {
        var lang = command.Language;
        if (owner is null) return Make("watch", lang, nameof(Catalog.WatchRefusedTitle), Texts.Get(lang, nameof(Catalog.WatchWhoAreYou)), false);
        var mine = await db.Watches.Where(w => w.OwnerUserId == owner.Id && w.StoppedAt == null).OrderBy(w => w.Id).ToListAsync(ct);
        if (command.Verb == WatchVerb.List) return List(mine, lang);
        var what = command.What ?? "";
        var found = Match(mine, what);
        if (found.Count == 0)
            return Make("watch", lang, nameof(Catalog.WatchRefusedTitle), Texts.Get(lang, nameof(Catalog.WatchStopNone), what), false);
        if (found.Count > 1 && !IsAll(what))
        {
            var which = string.Join("; ", found.Select(w => $"#{w.Id} {w.Text}"));
            return Make("watch", lang, nameof(Catalog.WatchRefusedTitle), Texts.Get(lang, nameof(Catalog.WatchStopMany), what, which, found[0].Id), false);
        }
        var now = clock.UtcNow;
        var sentences = string.Join("; ", found.Select(w => w.Text));
        if (command.Verb == WatchVerb.Stop)
        {
            foreach (var w in found) w.StoppedAt = now;
            await db.SaveChangesAsync(ct);
            return Make("watch_stopped", lang, nameof(Catalog.WatchStoppedTitle), Texts.Get(lang, nameof(Catalog.WatchStoppedText), sentences), true);
        }
        var until = now + (command.For ?? TimeSpan.FromDays(7));
        foreach (var w in found) w.SnoozedUntil = until;
        await db.SaveChangesAsync(ct);
        return Make("watch_snoozed", lang, nameof(Catalog.WatchSnoozedTitle), Texts.Get(lang, nameof(Catalog.WatchSnoozedText), sentences, When(until, lang)), true);
    }

    private Answer List(List<Watch> mine, string lang)
    {
        var now = clock.UtcNow;
        var items = mine.Select(w => new ReplySectionItem($"#{w.Id} · {w.Text} · {State(w, now, lang)}")).ToList();
        var none = Texts.Get(lang, nameof(Catalog.WatchListNone));
        var text = items.Count == 0 ? none : Texts.Get(lang, items.Count == 1 ? nameof(Catalog.WatchListCountOne) : nameof(Catalog.WatchListCountOther), items.Count);
        var answer = Make("watch_list", lang, nameof(Catalog.WatchListTitle), text, true);
        return answer with { Reply = answer.Reply with { Kind = ReplyKind.List, Sections = [new ReplySection(Texts.Get(lang, nameof(Catalog.WatchListTitle)), items, none)] } };
    }

    private string State(Watch w, DateTime now, string lang) =>
        w.SnoozedUntil is { } until && until > now ? Texts.Get(lang, nameof(Catalog.WatchStateSnoozed), When(until, lang))
        : Texts.Get(lang, w.State == WatchState.Fired ? nameof(Catalog.WatchStateFired) : nameof(Catalog.WatchStateArmed));

    private string When(DateTime utc, string lang) => Formats.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, clock.Zone)), lang, DateStyle.Long);

    /// <summary>"#3" or "3" is that watch; "all"/"todas" every one; other words, the watches whose sentence has them all.</summary>
    private static List<Watch> Match(List<Watch> mine, string what)
    {
        var t = what.Trim().TrimStart('#');
        if (long.TryParse(t, out var id)) return [.. mine.Where(w => w.Id == id)];
        if (IsAll(what)) return mine;
        var words = Fold(t).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(x => x is not ("the" or "my" or "el" or "la" or "mi" or "de")).ToList();
        return [.. mine.Where(w => words.Count > 0 && words.All(x => Fold(w.Text).Contains(x, StringComparison.Ordinal)))];
    }

    private static bool IsAll(string what) => Fold(what.Trim()) is "all" or "all of them" or "everything" or "todas" or "todo" or "todas ellas";

    private static string Fold(string s) => Tokenizer.FoldAccents(s).ToLowerInvariant();

    private static Answer Make(string intent, string lang, string titleKey, string text, bool understood) => new()
    {
        Understood = understood, Intent = intent, Language = lang, Text = text,
        Reply = new Reply { Kind = understood ? ReplyKind.Answer : ReplyKind.NotUnderstood, Title = Texts.Get(lang, titleKey), Text = text },
    };
}
