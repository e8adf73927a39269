using RevBot.Sources.Stripe;

namespace RevBot.IntegrationTests.Sources;

/// <summary>The Stripe section's own checks: only when enabled, a key required, a full-access live key refused, no secret echoed.</summary>
public sealed class StripeOptionsTests
{
    [Fact]
    public void An_enabled_source_needs_a_key_and_refuses_a_live_secret_key_without_echoing_it()
    {
        Assert.Empty(new StripeOptions().Problems());
        Assert.Contains(new StripeOptions { Enabled = true }.Problems(), p => p.Contains("Sources:Stripe:ApiKey (or Sources:Stripe:ApiKeyFile) is required", StringComparison.Ordinal));
        var live = new StripeOptions { Enabled = true, ApiKey = "sk_live_supersecret" }.Problems().ToList();
        Assert.Contains(live, p => p.Contains("restricted key", StringComparison.Ordinal));
        Assert.DoesNotContain(live, p => p.Contains("supersecret", StringComparison.Ordinal));
        Assert.Empty(new StripeOptions { Enabled = true, ApiKey = "rk_live_readonly" }.Problems());
        Assert.Contains(new StripeOptions { Enabled = true, ApiKey = "rk_x", BaseUrl = "http://stripe.example" }.Problems(), p => p.Contains("BaseUrl", StringComparison.Ordinal));
        Assert.Contains(new StripeOptions { Enabled = true, ApiKey = "rk_x", AccountsFile = "/nonexistent/map.csv" }.Problems(), p => p.Contains("AccountsFile", StringComparison.Ordinal));
    }
}
