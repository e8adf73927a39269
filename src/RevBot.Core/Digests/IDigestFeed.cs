namespace RevBot.Core.Digests;

/// <summary>
/// A source of one digest section that another part of RevBot owns: the alerts engine fills
/// <see cref="DigestSectionIds.StalledDeals"/> and <see cref="DigestSectionIds.AtRiskAccounts"/>, the deal hand-offs
/// fill <see cref="DigestSectionIds.OpenHandoffs"/>. Register implementations in DI (scoped); the builder asks the
/// one whose <see cref="Section"/> matches, and shows the section as not available when none is registered.
/// </summary>
public interface IDigestFeed
{
    /// <summary>The <see cref="DigestSectionIds"/> value this feed fills.</summary>
    string Section { get; }

    /// <summary>
    /// At most <see cref="DigestFeedRequest.Limit"/> items, most important first, for the digest's filters as of its
    /// day. Item text is final (humanized, in the request's language); <see cref="DigestItem.Detail"/> carries the reason.
    /// </summary>
    Task<IReadOnlyList<DigestItem>> ReadAsync(DigestFeedRequest request, CancellationToken ct);

    /// <summary>
    /// Called when a digest that shows this section starts being built, before its numbers: a feed with slow shared work
    /// (the alert scan) starts it here, on its own connections, so it runs while the numbers are read. Never blocks.
    /// </summary>
    void Prepare(DigestFeedRequest request)
    {
    }
}
