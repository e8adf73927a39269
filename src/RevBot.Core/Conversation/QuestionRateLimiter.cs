using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RevBot.Core.Answers;
using RevBot.Core.Localization;
using RevBot.Core.Replies;

namespace RevBot.Core.Conversation;

/// <summary>
/// A token bucket per asker ("slack:U123", "teams:29:…", "api:jane@acme.com"), shared by every way a person asks, and
/// one per API caller (its key), which the asker named in a request cannot change.
/// In memory on purpose: a lost bucket on restart only forgives a burst, and limits are per instance (documented).
/// Singleton.
/// </summary>
public sealed class QuestionRateLimiter : IDisposable
{
    /// <summary>Partition keys of callers (<see cref="TryAcquire(string, string)"/>) start with this; they get the API limits.</summary>
    private const string CallerPrefix = "caller\u001f";

    private readonly PartitionedRateLimiter<string> limiter;

    public QuestionRateLimiter(IOptions<QuestionLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(key => key.StartsWith(CallerPrefix, StringComparison.Ordinal)
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(o.ApiBurst, o.ApiPerMinute))
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(o.Burst, o.PerMinute)));
    }

    /// <summary>True when the asker may ask now (and uses one token).</summary>
    public bool TryAcquire(string asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        // An asker named like a caller must not land in a caller's bucket.
        using var lease = limiter.AttemptAcquire(asker.StartsWith(CallerPrefix, StringComparison.Ordinal) ? "_" + asker : asker);
        return lease.IsAcquired;
    }

    /// <summary>
    /// True when both the asker (named by the caller) and the authenticated caller itself may ask now. The asker is
    /// checked first, so one person over their limit does not use up the caller's tokens.
    /// </summary>
    public bool TryAcquire(string asker, string caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!TryAcquire(asker)) return false;
        using var lease = limiter.AttemptAcquire(CallerPrefix + caller);
        return lease.IsAcquired;
    }

    // One token every 60/perMinute seconds, refilled in whole tokens so the bucket never runs dry for good.
    private static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>The polite answer for someone asking too fast, in the language of their question.</summary>
    public static Answer TooFast(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var cleaned = Tokenizer.Clean(question);
        var language = Texts.LanguageOf(LanguageDetector.Detect(cleaned, Tokenizer.Tokenize(cleaned)));
        var text = Texts.Get(language, nameof(Catalog.AnswerTooFast));
        return new Answer
        {
            Understood = false,
            Intent = "rate_limited",
            Language = language,
            Text = text,
            Reply = new Reply { Kind = ReplyKind.Error, Title = Texts.Get(language, nameof(Catalog.AnswerTooFastTitle)), Text = text },
        };
    }

    public void Dispose() => limiter.Dispose();
}
