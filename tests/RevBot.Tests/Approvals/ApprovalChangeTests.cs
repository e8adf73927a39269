using RevBot.Core.Approvals;
using RevBot.Core.Deals;
using RevBot.Core.Domain;

namespace RevBot.Tests.Approvals;

/// <summary>The change a request stores: only the fields that change, written so any language reads them back the same.</summary>
public sealed class ApprovalChangeTests
{
    private static readonly DealValues Before = new("Proposal", 100_000m, new DateOnly(2026, 12, 15), ForecastCategory.Commit, 60, "Call", DealStatus.Open, null, null);

    [Fact]
    public void A_stored_change_reads_back_as_the_command_an_approval_runs_with_invariant_values()
    {
        var change = ApprovalChange.Of(DealCommandKind.Update, Before, Before with { Amount = 70_000.5m, CloseDate = new DateOnly(2027, 1, 20) });
        var read = ApprovalChange.Read(change.Write());
        Assert.Equal(("70000.50", "2027-01-20"), (read.Changes.Amount, read.Changes.CloseDate));
        Assert.Null(read.Changes.Stage);
        Assert.Null(read.Changes.NextStep);
        Assert.Equal([DealFields.Amount, DealFields.CloseDate], read.Diff.Select(f => f.Field));
        // "70000.50" reads as 70,000.50 in Spanish too (a point followed by one or two digits).
        Assert.True(AmountReader.TryRead(read.Changes.Amount, "es", out var amount, out _));
        Assert.Equal(70_000.5m, amount);

        var request = new ApprovalRequest { Id = 7, Key = "k1", CommandKey = "c1", DealId = "deal-1", Change = change.Write(), ExpectedVersion = 3, Reasons = "[]", Language = "en" };
        var command = read.Command(request, approverId: 42, ChangeChannel.Slack, "es");
        Assert.Equal(("deal-1", 3, "approval:k1", 42, 7L), (command.DealId, command.ExpectedVersion, command.IdempotencyKey, command.UserId, command.ApprovedRequestId));
    }

    [Fact]
    public void A_win_and_a_loss_keep_their_kind_and_the_loss_its_reason()
    {
        var lost = ApprovalChange.Read(ApprovalChange.Of(DealCommandKind.MarkLost, Before, Before with { Status = DealStatus.Lost, Stage = DealStages.ClosedLost, LossReason = "price", Probability = 0 }).Write());
        Assert.Equal((DealCommandKind.MarkLost, "lost", "price"), (lost.Kind, lost.Changes.Status, lost.LossReason));
        // Won and lost set their own probability and stage.
        Assert.Null(lost.Changes.Probability);
        Assert.Null(lost.Changes.Stage);
    }

    [Fact]
    public void A_discount_change_is_stored_invariantly_and_reads_back_for_an_approver_in_any_language()
    {
        var change = ApprovalChange.Read(ApprovalChange.Of(DealCommandKind.Update, Before with { Discount = 5m }, Before with { Discount = 22.5m }).Write());
        Assert.Equal("22.5", change.Changes.Discount);
        Assert.Equal([DealFields.Discount], change.Diff.Select(f => f.Field));
        Assert.Null(change.Changes.Amount);
        Assert.Equal("", ApprovalChange.Of(DealCommandKind.Update, Before with { Discount = 5m }, Before).Changes.Discount);
    }
}
