using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>
/// The card, its buttons, forms and command results in the language of the person pressing (the adapter's
/// <see cref="CardPress.Language"/>, a platform locale such as "es-ES"); English for one RevBot has no catalog for.
/// </summary>
public sealed class DealCardLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_spanish_speaker_gets_the_card_its_buttons_and_its_form_in_spanish()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var card = await PressAsync(s, null, DealActionIds.Open, DealWorld.AcmeRenewal, "es-ES");

        Assert.Equal("Negocio abierto de Rob Rep: 50.000\u00A0$ en Proposal, cierre previsto el 15 dic 2026.", card.Text);
        var facts = card.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal(("Mejor caso", "55\u00A0% (por defecto de la etapa)", "10 días"), (facts["Categoría de previsión"], facts["Probabilidad"], facts["Días en la etapa"]));
        Assert.Equal("Llamada · hace 2 días · Pricing call", facts["Última actividad"]);
        Assert.Equal(["Actualizar", "Marcar ganado", "Marcar perdido", "Registrar actividad", "Aplazar +1 semana", "Aplazar +1 mes", "Aplazar a…"], card.Actions.Select(a => a.Label));
        Assert.Equal("deal-1 · versión 1", card.Context[^1]);

        var update = card.Actions.Single(a => a.Id == DealActionIds.Update).Value;
        var form = (await PressAsync(s, DealWorld.Rob, DealActionIds.Update, update, "es")).Form!;
        Assert.Equal(("Actualizar negocio", "Guardar", "Importe (USD)", "Por defecto de la etapa: 55\u00A0%"),
            (form.Title, form.SubmitLabel, form.Fields.Single(f => f.Id == DealFields.Amount).Label, form.Fields.Single(f => f.Id == DealFields.Probability).Placeholder));

        var userId = await s.UserIdAsync(DealWorld.Rob);
        var bad = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(
            new FormSubmission(form.Id, form.State.Encode(), new Dictionary<string, string?> { [DealFields.Amount] = "-3", [DealFields.CloseDate] = "2020-01-01" }, userId, null, ChangeChannel.Slack, "es"), Ct));
        Assert.Equal("El importe no puede ser negativo.", bad.Form!.Fields.Single(f => f.Id == DealFields.Amount).Error);
        Assert.StartsWith("La fecha de cierre de un negocio abierto no puede estar en el pasado", bad.Form.Fields.Single(f => f.Id == DealFields.CloseDate).Error, StringComparison.Ordinal);
        Assert.Equal("Corrige los campos marcados.", bad.Form.Error);
        var saved = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(
            new FormSubmission(form.Id, form.State.Encode(), new Dictionary<string, string?> { [DealFields.Amount] = "64.000" }, userId, null, ChangeChannel.Slack, "es"), Ct));
        Assert.Equal("Actualizado por Rob Rep ahora mismo", saved.Notice);
        Assert.StartsWith("Rob Rep cambió importe 50.000\u00A0$ → 64.000\u00A0$ · ahora mismo · Slack", saved.Context[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_in_the_pressers_language_else_the_cards_and_an_unknown_locale_gets_english()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var card = await PressAsync(s, null, DealActionIds.Open, DealWorld.AcmeRenewal, "de-DE");
        Assert.Equal("Open deal owned by Rob Rep: $50,000 in Proposal, closing Dec 15, 2026.", card.Text);

        // The presser's locale, when the platform says it, wins over the card's language: typed amounts are read their way.
        var english = await PressAsync(s, null, DealActionIds.Win, card.Actions.Single(a => a.Id == DealActionIds.Win).Value, "es");
        Assert.Equal((ReplyKind.Refused, "¿Quién eres?"), (english.Kind, english.Title));

        var spanishCard = await PressAsync(s, null, DealActionIds.Open, DealWorld.AcmeRenewal, "es");
        var stranger = await PressAsync(s, null, DealActionIds.Win, spanishCard.Actions.Single(a => a.Id == DealActionIds.Win).Value, null);
        Assert.Equal((ReplyKind.Refused, "¿Quién eres?"), (stranger.Kind, stranger.Title));
        Assert.StartsWith("No sé quién eres en RevBot, así que no puedo cambiar negocios por ti.", stranger.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_carry_the_language_of_their_card_when_the_platform_does_not_say_the_pressers()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var card = await PressAsync(s, null, DealActionIds.Open, DealActionValue.Open(DealWorld.AcmeRenewal, "es"), null);
        Assert.StartsWith("Negocio abierto de Rob Rep", card.Text, StringComparison.Ordinal);

        // Slack sends no locale with a press: the Spanish card's buttons open a Spanish form and save in Spanish.
        var push = (await PressAsync(s, DealWorld.Rob, DealActionIds.PushPick, card.Actions.Single(a => a.Id == DealActionIds.PushPick).Value, null)).Form!;
        Assert.Equal(("Aplazar fecha de cierre", "Nueva fecha de cierre"), (push.Title, push.Fields[0].Label));
        var userId = await s.UserIdAsync(DealWorld.Rob);
        var pushed = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(
            new FormSubmission(push.Id, push.State.Encode(), new Dictionary<string, string?> { [DealFields.CloseDate] = "2027-02-01" }, userId, null, ChangeChannel.Slack), Ct));
        Assert.Equal(("Actualizado por Rob Rep ahora mismo", "1 feb 2027"), (pushed.Notice, pushed.Facts.Single(f => f.Label == "Cierre previsto").Value));
        var won = await PressAsync(s, DealWorld.Rob, DealActionIds.Win, pushed.Actions.Single(a => a.Id == DealActionIds.Win).Value, null);
        Assert.Equal("Marcado como ganado por Rob Rep ahora mismo", won.Notice);
    }

    [Fact]
    public void A_form_state_keeps_its_language_and_an_old_one_still_reads()
    {
        var state = new ReplyFormState("deal|1", 3, "k1", "es");
        Assert.True(ReplyFormState.TryDecode(state.Encode(), out var back) && back == state);
        Assert.True(ReplyFormState.TryDecode("v1|3|k1|deal-1", out var old) && old == new ReplyFormState("deal-1", 3, "k1"));
        Assert.False(ReplyFormState.TryDecode("v2|e s|3|k1|deal-1", out _));
        Assert.Equal((DealWorld.AcmeRenewal, (string?)null), DealActionValue.ReadOpen(DealActionValue.Open(DealWorld.AcmeRenewal, "en")));
    }

    private static async Task<Reply> PressAsync(DealServices s, string? who, string actionId, string value, string? language)
    {
        var userId = who is null ? (int?)null : await s.UserIdAsync(who);
        return await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(actionId, value, userId, null, ChangeChannel.Slack, language), Ct));
    }
}
