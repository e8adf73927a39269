using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Interactions;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>
/// Hand-offs are written in the receiving teams' language (<c>Handoffs:Language</c>, English by default); what only the
/// presser of "Claim onboarding" sees is in the presser's language when the adapter knows it.
/// </summary>
public sealed class HandoffLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_spanish_speaking_team_gets_its_hand_off_in_spanish(DbProvider provider)
    {
        await using var s = await DealServices.CreateAsync(provider, new Dictionary<string, string?> { ["Handoffs:Language"] = "es" });
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkWon));
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rae, DealWorld.AcmeExpansion, DealCommandKind.MarkLost) with { LossReason = "price" });
        Task<Reply> Claim(string who, string? language) => s.UseAsync<InteractionService, Reply>(async i =>
            await i.PressAsync(new CardPress(HandoffKinds.ClaimAction, DealWorld.AcmeRenewal, await s.UserIdAsync(who), null, ChangeChannel.Slack, language), Ct));

        var messages = await s.QueryAsync(db => db.Outbox.OrderBy(m => m.Id).ToListAsync(Ct));
        var won = ReplyJson.Deserialize(messages[0].Payload);
        Assert.Equal("Nuevo cliente que incorporar: Acme Corporation", won.Title);
        Assert.Equal("Rob Rep ganó Acme Corporation - renewal 2026 (50.000\u00A0$). ¿Quién se encarga de la incorporación?", won.Text);
        Assert.Equal(["Cuenta", "Importe", "Producto", "Propietario", "Siguiente paso"], won.Facts.Select(f => f.Label));
        Assert.Equal("Asumir la incorporación", Assert.Single(won.Actions).Label);
        var pricing = ReplyJson.Deserialize(messages[1].Payload);
        Assert.StartsWith("Perdido por precio: ", pricing.Title, StringComparison.Ordinal);
        Assert.EndsWith(", motivo: price.", pricing.Text, StringComparison.Ordinal);

        var cam = await Claim(DealWorld.Cam, null);
        var ritaEn = await Claim(DealWorld.Rita, "en");
        var ritaEs = await Claim(DealWorld.Rita, "es");

        Assert.Equal("Asumido por Cam Success ahora mismo", cam.Notice);
        Assert.Equal("Abrir negocio", Assert.Single(cam.Actions).Label);
        Assert.Equal("Cam Success already claimed this onboarding just now.", ritaEn.Text);
        Assert.Equal(("Ya asumido", true), (ritaEs.Title, ritaEs.Text.StartsWith("Cam Success ya asumió esta incorporación", StringComparison.Ordinal)));
        Assert.Equal("Cam Success ya asumió esta incorporación ahora mismo.", ritaEs.Text);
    }

    [Fact]
    public void A_language_without_a_catalog_is_refused_by_name()
    {
        var result = new CompanyCheckedOptionsValidator<HandoffOptions>(Options.Create(new CompanyOptions())).Validate(null, new HandoffOptions { Language = "xx" });

        Assert.Equal(["Handoffs:Language 'xx' is not a language RevBot has texts for (en, es)."], result.Failures);
    }
}
