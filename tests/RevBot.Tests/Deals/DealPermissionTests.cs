using RevBot.Core.Deals;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>Who may change a deal, enforced by the service for every command, whatever buttons a card showed.</summary>
public sealed class DealPermissionTests
{
    [Theory]
    [InlineData(DealWorld.Rob, DealWorld.AcmeRenewal, true)]     // a rep, their own deal
    [InlineData(DealWorld.Rob, DealWorld.AcmeExpansion, false)]  // a rep, a colleague's deal
    [InlineData(DealWorld.Max, DealWorld.AcmeRenewal, true)]     // the owner's manager
    [InlineData(DealWorld.Dana, DealWorld.AcmeRenewal, true)]    // the manager's manager
    [InlineData(DealWorld.Max, DealWorld.AcmeExpansion, false)]  // a manager of another team
    [InlineData(DealWorld.Rita, DealWorld.AcmeExpansion, true)]  // RevOps: any deal
    [InlineData(DealWorld.Rita, DealWorld.Initech, true)]        // RevOps: even one without an owner
    [InlineData(DealWorld.Max, DealWorld.Initech, false)]        // nobody else, for a deal without an owner
    [InlineData(DealWorld.Cam, DealWorld.AcmeRenewal, false)]    // customer success
    [InlineData(DealWorld.Eve, DealWorld.AcmeRenewal, false)]    // executives read, they do not edit
    public async Task Only_the_owner_their_managers_and_revops_change_a_deal(string who, string dealId, bool allowed)
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var result = await s.ExecuteAsync(await s.CommandAsync(who, dealId, changes: new DealFieldChanges { NextStep = "Follow up" }));

        Assert.Equal(allowed ? DealCommandStatus.Applied : DealCommandStatus.Forbidden, result.Status);
        Assert.Equal(allowed ? "Follow up" : null, (await s.DealAsync(dealId)).NextStep);
        if (!allowed) Assert.Contains("Nothing was changed", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refusal_names_who_can_make_the_change()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var result = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeExpansion, DealCommandKind.MarkWon));
        Assert.Equal("Sorry, only Rae Rep, their manager or RevOps can change this deal. Nothing was changed.", result.Message);
    }

    [Fact]
    public async Task An_unmapped_chat_user_is_told_how_to_get_mapped()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var nobody = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal) with { UserId = null, Changes = new DealFieldChanges { Amount = "1" } });
        var unknownId = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal) with { UserId = 9999, Changes = new DealFieldChanges { Amount = "1" } });

        foreach (var result in new[] { nobody, unknownId })
        {
            Assert.Equal(DealCommandStatus.UnknownUser, result.Status);
            Assert.StartsWith("I don't know who you are in RevBot", result.Message, StringComparison.Ordinal);
            Assert.Contains("e-mail address of your Slack or Teams account", result.Message, StringComparison.Ordinal);
        }
        Assert.Equal(50_000m, (await s.DealAsync(DealWorld.AcmeRenewal)).Amount);
    }

    [Theory]
    [InlineData(DealWorld.Rob, false)]
    [InlineData(DealWorld.Max, true)]
    [InlineData(DealWorld.Rita, true)]
    public async Task Reopening_a_closed_deal_is_for_managers_and_revops(string who, bool allowed)
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var result = await s.ExecuteAsync(await s.CommandAsync(who, DealWorld.GlobexWon, changes: new DealFieldChanges { Stage = "Negotiation", CloseDate = "2026-12-31" }));

        Assert.Equal(allowed ? DealCommandStatus.Applied : DealCommandStatus.Forbidden, result.Status);
        Assert.Equal(allowed ? Core.Domain.DealStatus.Open : Core.Domain.DealStatus.Won, (await s.DealAsync(DealWorld.GlobexWon)).Status);
        if (!allowed) Assert.Contains("Only a manager or RevOps can reopen", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_a_won_deal_into_a_lost_one_is_for_managers_too()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var rep = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.GlobexWon, DealCommandKind.MarkLost) with { LossReason = "timing" });
        var manager = await s.ExecuteAsync(await s.CommandAsync(DealWorld.Max, DealWorld.GlobexWon, DealCommandKind.MarkLost) with { LossReason = "timing" });
        Assert.Equal(DealCommandStatus.Forbidden, rep.Status);
        Assert.Equal(DealCommandStatus.Applied, manager.Status);
    }
}
