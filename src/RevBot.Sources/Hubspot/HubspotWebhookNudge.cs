using System.Threading.Channels;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// "HubSpot says something changed": a verified webhook sets it, <see cref="HubspotWebhookSync"/> takes it. It holds
/// at most one pending nudge, so a burst of deliveries during a sync asks for exactly one more sync.
/// </summary>
public sealed class HubspotWebhookNudge
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _pending.Writer.TryWrite(true);

    internal ValueTask<bool> WaitAsync(CancellationToken ct) => _pending.Reader.WaitToReadAsync(ct);

    internal bool Take() => _pending.Reader.TryRead(out _);
}
