using RevBot.Core.Domain;
using RevBot.Sources.Sync;

namespace RevBot.Tests.Sources;

/// <summary>The shared webhook nudge: a burst coalesces into one pending run per system, and systems do not share it.</summary>
public sealed class SyncNudgeTests
{
    [Fact]
    public async Task Several_nudges_before_a_run_takes_them_ask_for_one_run_of_that_system_only()
    {
        var nudge = new SyncNudge();

        nudge.Nudge(SourceSystem.Stripe);
        nudge.Nudge(SourceSystem.Stripe);
        nudge.Nudge(SourceSystem.Stripe);

        Assert.True(await nudge.WaitAsync(SourceSystem.Stripe, TestContext.Current.CancellationToken));
        Assert.True(nudge.Take(SourceSystem.Stripe));
        Assert.False(nudge.Take(SourceSystem.Stripe));
        Assert.False(nudge.Take(SourceSystem.Hubspot));
        Assert.Equal(3, nudge.Asked(SourceSystem.Stripe));
        Assert.Equal(0, nudge.Asked(SourceSystem.Hubspot));
    }

    [Fact]
    public async Task A_nudge_during_a_run_asks_for_exactly_one_more()
    {
        var nudge = new SyncNudge();
        nudge.Nudge(SourceSystem.Hubspot);
        Assert.True(nudge.Take(SourceSystem.Hubspot));

        // The run is going: two more deliveries arrive.
        nudge.Nudge(SourceSystem.Hubspot);
        nudge.Nudge(SourceSystem.Hubspot);

        Assert.True(await nudge.WaitAsync(SourceSystem.Hubspot, TestContext.Current.CancellationToken));
        Assert.True(nudge.Take(SourceSystem.Hubspot));
        Assert.False(nudge.Take(SourceSystem.Hubspot));
    }
}
