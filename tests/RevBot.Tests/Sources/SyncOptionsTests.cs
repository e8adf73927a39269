using RevBot.Sources.Sync;

namespace RevBot.Tests.Sources;

/// <summary>The <c>Sources</c> section's own checks: the RevOps channel and language, and each system's schedule.</summary>
public sealed class SyncOptionsTests
{
    [Fact]
    public void Good_settings_have_no_problem_and_the_max_age_defaults_to_three_intervals()
    {
        var options = new SyncOptions { AlertChannel = "slack:C0REVOPS", AlertLanguage = "es" };
        options.Hubspot.Enabled = true;
        options.Hubspot.Interval = TimeSpan.FromMinutes(10);

        Assert.Empty(options.Problems());
        Assert.Equal(TimeSpan.FromMinutes(30), options.Hubspot.EffectiveMaxSyncAge);
        Assert.Equal(["Hubspot"], options.Enabled.Select(s => s.System.ToString()));
    }

    [Fact]
    public void Each_bad_setting_is_one_sentence_naming_it()
    {
        var options = new SyncOptions { AlertChannel = "#revops", AlertLanguage = "fr" };
        options.Stripe.Interval = TimeSpan.FromSeconds(30);
        options.Salesforce.MaxSyncAge = TimeSpan.FromMinutes(15);

        Assert.Equal(
        [
            "Sources:AlertChannel '#revops' must be a platform and channel id such as slack:C0123ABCD or teams:19:abc@thread.tacv2.",
            "Sources:AlertLanguage 'fr' is not a language RevBot has texts for (en, es).",
            "Sources:Salesforce:MaxSyncAge must be longer than Sources:Salesforce:Interval (00:15:00), or every sync would be late (it is 00:15:00).",
            "Sources:Stripe:Interval must be at least one minute (it is 00:00:30).",
        ], options.Problems());
    }
}
