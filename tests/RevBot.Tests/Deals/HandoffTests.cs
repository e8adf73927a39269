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

/// <summary>Won deals hand off to customer success, deals lost on price to marketing: outbox rows written with the change.</summary>
public sealed class HandoffTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_won_deal_writes_a_hand_off_for_its_regions_customer_success_channel(DbProvider provider)
    {
        await using var s = await DealServices.CreateAsync(provider);
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkWon));

        var message = await s.QueryAsync(db => db.Outbox.SingleAsync(Ct));
        Assert.Equal((HandoffKinds.WonMessage, ChatPlatform.Slack, "CEMEA", DealWorld.Now.UtcDateTime, DealWorld.Now.UtcDateTime, 0, (DateTime?)null),
            (message.Kind, message.Platform, message.ChannelId, message.CreatedAt, message.AvailableAt, message.Attempts, message.SentAt));
        var reply = ReplyJson.Deserialize(message.Payload);
        Assert.Equal((ReplyKind.Card, "New customer to onboard: Acme Corporation"), (reply.Kind, reply.Title));
        Assert.Equal(["Account: Acme Corporation", "Amount: $50,000", "Product: RoboFleet Platform", "Owner: Rob Rep", "Next step: —"],
            reply.Facts.Select(f => $"{f.Label}: {f.Value}"));
        var claim = Assert.Single(reply.Actions);
        Assert.Equal((HandoffKinds.ClaimAction, "Claim onboarding", DealWorld.AcmeRenewal), (claim.Id, claim.Label, claim.Value));
        var handoff = await s.QueryAsync(db => db.Handoffs.SingleAsync(Ct));
        Assert.Equal((DealWorld.AcmeRenewal, HandoffKinds.Onboarding, (int?)null), (handoff.DealId, handoff.Kind, handoff.ClaimedByUserId));
    }

    [Fact]
    public async Task Routes_match_by_segment_and_fall_back_to_the_default_channel()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        // Globex is NA + SMB: the SMB route; Initech is NA + Enterprise: no route, so the default.
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Max, DealWorld.GlobexWon, changes: new DealFieldChanges { Stage = "Proposal", CloseDate = "2026-12-01" }));
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.GlobexWon, DealCommandKind.MarkWon));
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rita, DealWorld.Initech, DealCommandKind.MarkWon));

        var targets = await s.QueryAsync(db => db.Outbox.OrderBy(m => m.Id).Select(m => m.Platform + ":" + m.ChannelId).ToListAsync(Ct));
        Assert.Equal(["teams:19:smb@thread.tacv2", "slack:CCS"], targets);
    }

    [Fact]
    public async Task Lost_on_price_notes_marketing_and_other_changes_write_no_outbox_row()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Amount = "1", Stage = "Negotiation" }));
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rae, DealWorld.AcmeExpansion, DealCommandKind.MarkLost) with { LossReason = "competitor" });
        Assert.Equal(0, await s.QueryAsync(db => db.Outbox.CountAsync(Ct)));

        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkLost) with { LossReason = "price" });

        var message = await s.QueryAsync(db => db.Outbox.SingleAsync(Ct));
        Assert.Equal((HandoffKinds.PricingMessage, ChatPlatform.Slack, "CPRICE"), (message.Kind, message.Platform, message.ChannelId));
        var reply = ReplyJson.Deserialize(message.Payload);
        Assert.Equal("Rob Rep lost Acme Corporation - renewal 2026 ($1) in Negotiation, reason: price.", reply.Text);
        Assert.Equal(0, await s.QueryAsync(db => db.Handoffs.CountAsync(Ct)));
    }

    [Fact]
    public async Task Without_configured_channels_nothing_is_handed_off()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Handoffs:CustomerSuccess:0:Channel"] = "slack:CEMEA", ["Handoffs:CustomerSuccess:0:Region"] = "APAC",
            ["Handoffs:CustomerSuccess:1:Segment"] = "Nope", ["Handoffs:CustomerSuccessDefault"] = null, ["Handoffs:PricingFeedback"] = null,
        });
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkWon));
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rae, DealWorld.AcmeExpansion, DealCommandKind.MarkLost) with { LossReason = "price" });
        Assert.Equal(0, await s.QueryAsync(db => db.Outbox.CountAsync(Ct)));
    }

    [Fact]
    public async Task Onboarding_is_claimed_once_and_later_claims_hear_who_has_it()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkWon));
        Task<Reply> Claim(int? userId) => s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(HandoffKinds.ClaimAction, DealWorld.AcmeRenewal, userId, null, ChangeChannel.Teams), Ct));

        var cam = await Claim(await s.UserIdAsync(DealWorld.Cam));
        var rita = await Claim(await s.UserIdAsync(DealWorld.Rita));
        var camAgain = await Claim(await s.UserIdAsync(DealWorld.Cam));
        var nobody = await Claim(null);

        Assert.Equal((ReplyKind.Card, "Claimed by Cam Success just now"), (cam.Kind, cam.Notice));
        Assert.DoesNotContain(cam.Actions, a => a.Id == HandoffKinds.ClaimAction);
        Assert.Equal((ReplyKind.Refused, "Cam Success already claimed this onboarding just now."), (rita.Kind, rita.Text));
        Assert.Equal("You claimed this onboarding just now.", camAgain.Notice);
        Assert.Equal(ReplyKind.Refused, nobody.Kind);
        var handoff = await s.QueryAsync(db => db.Handoffs.SingleAsync(Ct));
        Assert.Equal((await s.UserIdAsync(DealWorld.Cam), DealWorld.Now.UtcDateTime), (handoff.ClaimedByUserId, handoff.ClaimedAt));
        Assert.Equal(1, await s.QueryAsync(db => db.AuditLog.CountAsync(a => a.Entity == "handoff" && a.Action == "claim", Ct)));
    }

    [Fact]
    public void A_bad_setting_is_one_sentence_naming_it()
    {
        var options = new HandoffOptions
        {
            CustomerSuccess = [new HandoffRoute { Region = "EMEA", Channel = "#cs-emea" }, new HandoffRoute { Channel = "slack:C1" }],
            PricingFeedback = "email:pricing@acme.com",
            PricingLossReasons = ["expensive"],
        };
        var result = new CompanyCheckedOptionsValidator<HandoffOptions>(Options.Create(new CompanyOptions())).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
        [
            "Handoffs:CustomerSuccess:0:Channel '#cs-emea' must be a platform and channel id such as slack:C0123ABCD or teams:19:abc@thread.tacv2.",
            "Handoffs:CustomerSuccess:1 needs a Region or a Segment to match (use Handoffs:CustomerSuccessDefault for everything else).",
            "Handoffs:PricingFeedback 'email:pricing@acme.com' must be a platform and channel id such as slack:C0123ABCD or teams:19:abc@thread.tacv2.",
            "Handoffs:PricingLossReasons 'expensive' is not one of Company:LossReasons (price, competitor, no decision, timing, product fit, no budget).",
        ], result.Failures);
    }
}
