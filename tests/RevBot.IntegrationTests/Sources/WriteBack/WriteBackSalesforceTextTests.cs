using RevBot.Core.Deals;
using RevBot.Core.Deals.WriteBack;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Sources.Salesforce;
using RevBot.Sources.Salesforce;
using RevBot.Testing.Deals;
using RevBot.Testing.Salesforce;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// A Spanish-speaking rep marks a Salesforce deal lost with a reason, and the org has no loss reason field set up for
/// RevBot: the write is refused before anything is sent, and the rep reads why in Spanish, next to the field and in
/// the message, with the change undone.
/// </summary>
[Collection(SalesforceHarness.Collection)]
public sealed class WriteBackSalesforceTextTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_refusal_of_revbots_own_is_told_in_the_requesters_language(DbProvider provider)
    {
        await using var fake = await FakeSalesforce.StartAsync();
        FakeSalesforceData.Generate(fake.Store, 1, DateOnly.FromDateTime(DealWorld.Now.UtcDateTime));
        await using var database = await WriteBackWorld.SeedAsync(provider);
        var settings = SalesforceHarness.Jwt(fake);
        settings["Sources:Salesforce:Enabled"] = "true";
        await using var world = WriteBackWorld.Create(database, TimeProvider.System, settings, (services, configuration) => services.AddSalesforceSource(configuration));
        var rae = await world.UserIdAsync(DealWorld.Rae);

        var result = await world.RunAsync(WriteBackWorld.Update(WriteBackWorld.Salesforce, rae, 1,
            new DealFieldChanges { Status = "lost", LossReason = "price" }, language: "es"));

        const string Spanish = "Esta organización de Salesforce no tiene configurado un campo de motivo de pérdida para RevBot.";
        Assert.True((DealCommandStatus.Invalid, CrmWriteOutcome.Refused) == (result.Status, result.Crm), result.Message);
        Assert.Equal(Spanish, result.Errors[DealFields.LossReason]);
        Assert.Contains($"Salesforce rechazó el cambio (motivo de pérdida: {Spanish})", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Requests, r => r.Method == "PATCH");
        Assert.Equal(Core.Domain.DealStatus.Open, (await world.DealAsync(WriteBackWorld.Salesforce)).Status);
    }
}
