using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Domain;
using RevBot.Core.Replies;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts.Subscriptions;

/// <summary>
/// Runs an alert chat command for the person and the channel it came from: subscriptions belong to the channel (by
/// id), mutes to the person. Filter values are checked against the data (a region or segment some account has, an
/// owner or team some user has) so a typo is answered with what is allowed instead of a subscription that never fires.
/// </summary>
public sealed class AlertCommands(RevBotDb db, CompanyClock clock, AlertMutes mutes) : IChatCommand
{
    /// <summary>Subscriptions and mutes are commands, not questions: the channel is the one the adapter says the turn came from.</summary>
    public async Task<Answer?> TryAnswerAsync(AskRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AlertCommandParser.TryParse(request.Question, out var command) ? await RunAsync(command, request.UserEmail, request.Channel, ct) : null;
    }

    public async Task<Answer> RunAsync(AlertCommand command, string? userEmail, ChannelTarget? channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var es = command.Spanish;
        if (command.Problem is { } problem)
            return Reply(command, false, es ? "No entendí" : "Not understood",
                es ? $"No entiendo {problem}. Puedes usar: {AlertCommandParser.KnownFiltersEs}. No he cambiado nada."
                   : $"I don't understand {problem}. You can use: {AlertCommandParser.KnownFilters}. Nothing was changed.");
        var user = userEmail is null ? null : await db.Users.AsNoTracking().WithEmail(userEmail).FirstOrDefaultAsync(ct);
        if (command.Verb is AlertCommandVerb.Mute or AlertCommandVerb.Unmute) return await MuteAsync(command, user, ct);
        if (channel is not { } place)
            return Reply(command, false, es ? "Solo en un canal" : "Only in a channel",
                es ? "Las suscripciones son de un canal: escríbelo en el canal que debe recibir las alertas."
                   : "Subscriptions belong to a channel: say this in the channel that should get the alerts.");
        return command.Verb switch
        {
            AlertCommandVerb.Subscribe => await SubscribeAsync(command, place, user, ct),
            AlertCommandVerb.Unsubscribe => await UnsubscribeAsync(command, place, ct),
            _ => await ListAsync(command, place, ct),
        };
    }

    private async Task<Answer> SubscribeAsync(AlertCommand c, ChannelTarget place, User? user, CancellationToken ct)
    {
        var es = c.Spanish;
        var (region, segment, owner, team, problem) = await ResolveFiltersAsync(c, ct);
        if (problem is not null) return Reply(c, false, es ? "Filtro desconocido" : "Unknown filter", problem);
        var subscription = new AlertSubscription
        {
            Platform = place.Platform, ChannelId = place.ChannelId, Kinds = KindsText(c.Kinds), Region = region, Segment = segment,
            MinAmount = c.MinAmount, OwnerEmail = owner, Team = team, CreatedByUserId = user?.Id, CreatedAt = clock.UtcNow,
        };
        db.AlertSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return Reply(c, true, es ? "Suscrito" : "Subscribed",
            (es ? "Este canal recibirá " : "This channel will get ") + Describe(subscription, es) + ".");
    }

    private async Task<Answer> UnsubscribeAsync(AlertCommand c, ChannelTarget place, CancellationToken ct)
    {
        var active = await db.AlertSubscriptions.Where(s => s.Platform == place.Platform && s.ChannelId == place.ChannelId && s.Active).ToListAsync(ct);
        var wanted = c.Kinds.Count == 0 ? null : c.Kinds;
        var count = 0;
        foreach (var s in active)
        {
            var kinds = Delivery.AlertFilter.Kinds(s.Kinds).ToList();
            var remaining = wanted is null ? [] : kinds.Except(wanted).ToList();
            if (remaining.Count == kinds.Count) continue;
            count++;
            if (remaining.Count > 0) { s.Kinds = KindsText(remaining); continue; }
            (s.Active, s.DisabledReason, s.DisabledAt) = (false, "unsubscribed", clock.UtcNow);
        }
        await db.SaveChangesAsync(ct);
        var es = c.Spanish;
        return count == 0
            ? Reply(c, true, es ? "Nada que cancelar" : "Nothing to unsubscribe", es ? "Este canal no tenía esas suscripciones." : "This channel had no such subscription.")
            : Reply(c, true, es ? "Suscripción cancelada" : "Unsubscribed", es ? $"Cancelada(s): {count}." : $"Done: {count} subscription(s) changed or stopped.");
    }

    private async Task<Answer> ListAsync(AlertCommand c, ChannelTarget place, CancellationToken ct)
    {
        var es = c.Spanish;
        var all = await db.AlertSubscriptions.AsNoTracking().Where(s => s.Platform == place.Platform && s.ChannelId == place.ChannelId && s.Active)
            .OrderBy(s => s.Id).ToListAsync(ct);
        if (all.Count == 0)
            return Reply(c, true, es ? "Sin suscripciones" : "No subscriptions",
                es ? "Este canal no recibe alertas. Prueba \"subscribe stalled deals in EMEA over $50k\"." : "This channel gets no alerts. Try \"subscribe stalled deals in EMEA over $50k\".");
        var lines = all.Select(s => "• " + Describe(s, es));
        return Reply(c, true, es ? "Suscripciones de este canal" : "This channel's subscriptions", string.Join('\n', lines));
    }

    private async Task<Answer> MuteAsync(AlertCommand c, User? user, CancellationToken ct)
    {
        var es = c.Spanish;
        if (user is null)
            return Reply(c, false, es ? "¿Quién eres?" : "Who are you?", es ? "No sé quién eres en RevBot." : "RevBot doesn't know who you are, so it can't change your alerts.");
        var kinds = c.Kinds.Count == 0 ? Enum.GetValues<AlertKind>() : [.. c.Kinds];
        await mutes.SetAsync(user.Id, kinds, c.Verb == AlertCommandVerb.Mute, ct);
        var what = Kinds(kinds, es);
        return c.Verb == AlertCommandVerb.Mute
            ? Reply(c, true, es ? "Silenciado" : "Muted", es ? $"No recibirás mensajes directos de {what}. \"unmute\" los reactiva." : $"You won't get direct messages about {what}. Say \"unmute\" to get them again.")
            : Reply(c, true, es ? "Reactivado" : "Unmuted", es ? $"Vuelves a recibir {what}." : $"You'll get direct messages about {what} again.");
    }

    private async Task<(string? Region, string? Segment, string? Owner, string? Team, string? Problem)> ResolveFiltersAsync(AlertCommand c, CancellationToken ct)
    {
        var es = c.Spanish;
        string? region = null, segment = null, owner = null, team = null;
        async Task<List<string>> Regions() => await db.Accounts.Where(a => a.Region != null).Select(a => a.Region!).Distinct().OrderBy(r => r).ToListAsync(ct);
        async Task<List<string>> Segments() => await db.Accounts.Where(a => a.Segment != null).Select(a => a.Segment!).Distinct().OrderBy(r => r).ToListAsync(ct);
        static string? Find(List<string> known, string value) => known.FirstOrDefault(k => string.Equals(k, value, StringComparison.OrdinalIgnoreCase));
        string Unknown(string what, string value, List<string> known) => es
            ? $"No conozco {what} \"{value}\". Valores posibles: {string.Join(", ", known)}. No he cambiado nada."
            : $"I don't know the {what} \"{value}\". Known values: {string.Join(", ", known)}. Nothing was changed.";
        foreach (var (key, value) in c.Filters)
        {
            switch (key)
            {
                case "region":
                    var regions = await Regions();
                    if ((region = Find(regions, value)) is null) return (null, null, null, null, Unknown(es ? "la región" : "region", value, regions));
                    break;
                case "segment":
                    var segments = await Segments();
                    if ((segment = Find(segments, value)) is null) return (null, null, null, null, Unknown(es ? "el segmento" : "segment", value, segments));
                    break;
                case "in":
                    var (r, s) = (await Regions(), await Segments());
                    region = Find(r, value);
                    segment = region is null ? Find(s, value) : segment;
                    if (region is null && segment is null) return (null, null, null, null, Unknown(es ? "la región o segmento" : "region or segment", value, [.. r, .. s]));
                    break;
                case "owner":
                    owner = await db.Users.WithEmail(value).Select(u => u.Email).FirstOrDefaultAsync(ct);
                    if (owner is null) return (null, null, null, null, es ? $"No hay ningún usuario con el e-mail \"{value}\". No he cambiado nada." : $"No RevBot user has the e-mail \"{value}\". Nothing was changed.");
                    break;
                case "team":
                    var teams = await db.Users.Where(u => u.Team != null).Select(u => u.Team!).Distinct().OrderBy(t => t).ToListAsync(ct);
                    if ((team = Find(teams, value)) is null) return (null, null, null, null, Unknown(es ? "el equipo" : "team", value, teams));
                    break;
            }
        }
        return (region, segment, owner, team, null);
    }

    private static string KindsText(IReadOnlyList<AlertKind> kinds) =>
        string.Join(',', (kinds.Count == 0 ? Enum.GetValues<AlertKind>() : [.. kinds]).Distinct().Select(EnumText.Format));

    private static string Kinds(IEnumerable<AlertKind> kinds, bool es) => string.Join(es ? " y " : " and ", kinds.Select(k => k == AlertKind.StalledDeal
        ? (es ? "negocios estancados" : "stalled deals") : (es ? "riesgo de churn" : "churn risk")));

    /// <summary>"stalled deals in EMEA, in segment Enterprise, of at least 50,000".</summary>
    internal static string Describe(AlertSubscription s, bool es)
    {
        var filters = new List<string>();
        if (s.Region is { } r) filters.Add((es ? "en " : "in ") + r);
        if (s.Segment is { } g) filters.Add((es ? "del segmento " : "in segment ") + g);
        if (s.MinAmount is { } m) filters.Add((es ? "de al menos " : "of at least ") + m.ToString("#,0", CultureInfo.InvariantCulture));
        if (s.OwnerEmail is { } o) filters.Add((es ? "de " : "owned by ") + o);
        if (s.Team is { } t) filters.Add((es ? "del equipo " : "of team ") + t);
        var kinds = Kinds(Delivery.AlertFilter.Kinds(s.Kinds), es);
        return filters.Count == 0 ? kinds : $"{kinds} {string.Join(", ", filters)}";
    }

    private static Answer Reply(AlertCommand c, bool understood, string title, string text) => new()
    {
        Understood = understood,
        Intent = "alerts_" + EnumText.Format(c.Verb),
        Language = c.Language,
        Text = text,
        Reply = new Reply { Kind = understood ? ReplyKind.Answer : ReplyKind.NotUnderstood, Title = title, Text = text },
    };
}
