using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// A token bucket per asker ("slack:U123", "teams:29:…", "api:jane@acme.com"), shared by every way a person asks.
/// In memory on purpose: a lost bucket on restart only forgives a burst, and limits are per instance (documented).
/// Singleton.
/// </summary>
public sealed class QuestionRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public QuestionRateLimiter(IOptions<QuestionLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        // One token every 60/PerMinute seconds, refilled in whole tokens so the bucket never runs dry for good.
        var period = TimeSpan.FromMinutes(1) / o.PerMinute;
        limiter = PartitionedRateLimiter.Create<string, string>(asker => RateLimitPartition.GetTokenBucketLimiter(asker, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>True when the asker may ask now (and uses one token).</summary>
    public bool TryAcquire(string asker)
    {
        using var lease = limiter.AttemptAcquire(asker);
        return lease.IsAcquired;
    }

    /// <summary>The polite answer for someone asking too fast, in the language of their question.</summary>
    public static Answer TooFast(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var cleaned = Tokenizer.Clean(question);
        var es = LanguageDetector.Detect(cleaned, Tokenizer.Tokenize(cleaned)) == "es";
        var text = es
            ? "Estás preguntando más rápido de lo que puedo responder. Espera un momento y vuelve a preguntar."
            : "You're asking faster than I can answer. Give me a moment and ask again.";
        return new Answer
        {
            Understood = false,
            Intent = "rate_limited",
            Language = es ? "es" : "en",
            Text = text,
            Reply = new Reply { Kind = ReplyKind.Error, Title = es ? "Un momento" : "One moment", Text = text },
        };
    }

    public void Dispose() => limiter.Dispose();
}
