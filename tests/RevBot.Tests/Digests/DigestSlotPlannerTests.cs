using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Digests.Timing;

namespace RevBot.Tests.Digests;

/// <summary>Catch-up after downtime: a missed slot is posted once if less than 12 hours late, else skipped with a reason.</summary>
public sealed class DigestSlotPlannerTests
{
    private const string MondayNine = "0 9 * * 1";
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    // Monday 23 March 2026, 09:00 in Madrid (CET).
    private static readonly DateTimeOffset Slot = new(2026, 3, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PreviousSlot = Slot.AddDays(-7);

    [Fact]
    public void On_time_the_slot_is_posted_and_then_not_again()
    {
        var clock = new FakeTimeProvider(Slot.AddSeconds(5));
        var planner = new DigestSlotPlanner(clock);

        var plan = planner.Plan(MondayNine, Madrid, PreviousSlot);
        Assert.Equal(Slot, plan.Post);
        Assert.Empty(plan.Skipped);

        // Once claimed, the same slot is not due again, however often the scheduler wakes.
        clock.Advance(TimeSpan.FromMinutes(1));
        var again = planner.Plan(MondayNine, Madrid, plan.Post!.Value);
        Assert.Null(again.Post);
        Assert.Empty(again.Skipped);
        // Next Monday is after the change to summer time: still 09:00 local, now 07:00Z.
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), again.Next);
    }

    [Fact]
    public void After_downtime_a_slot_less_than_twelve_hours_late_is_posted_once()
    {
        var clock = new FakeTimeProvider(Slot.AddHours(11).AddMinutes(59));
        var planner = new DigestSlotPlanner(clock);

        var plan = planner.Plan(MondayNine, Madrid, PreviousSlot);

        Assert.Equal(Slot, plan.Post);
        Assert.Null(planner.Plan(MondayNine, Madrid, Slot).Post);
    }

    [Fact]
    public void A_slot_twelve_hours_late_or_more_is_skipped_with_the_reason()
    {
        var planner = new DigestSlotPlanner(new FakeTimeProvider(Slot.AddHours(12).AddMinutes(30)));

        var plan = planner.Plan(MondayNine, Madrid, PreviousSlot);

        Assert.Null(plan.Post);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal(Slot, skipped.Slot);
        Assert.Equal("missed slot 2026-03-23 09:00 Europe/Madrid: 12 h 30 min late, more than the 12 h a digest may be", skipped.Reason);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), plan.Next);
    }

    [Fact]
    public void After_weeks_down_only_the_latest_slot_can_be_posted_and_the_older_ones_are_skipped()
    {
        var planner = new DigestSlotPlanner(new FakeTimeProvider(Slot.AddHours(2)));

        var plan = planner.Plan(MondayNine, Madrid, PreviousSlot.AddDays(-14).AddMinutes(-1));

        Assert.Equal(Slot, plan.Post);
        Assert.Equal([PreviousSlot.AddDays(-14), PreviousSlot.AddDays(-7), PreviousSlot], plan.Skipped.Select(s => s.Slot));
        Assert.All(plan.Skipped, s => Assert.EndsWith("a later slot (2026-03-23 09:00 Europe/Madrid) replaces it", s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Before_the_first_slot_nothing_is_due()
    {
        var created = Slot.AddHours(-1);
        var planner = new DigestSlotPlanner(new FakeTimeProvider(created.AddMinutes(30)));

        var plan = planner.Plan(MondayNine, Madrid, created);

        Assert.Equal((null, 0, Slot), (plan.Post, plan.Skipped.Count, plan.Next));
    }
}
