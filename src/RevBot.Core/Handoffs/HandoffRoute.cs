namespace RevBot.Core.Handoffs;

/// <summary>Where won deals of a region and/or segment are handed off. Both set: both must match; names compare case-insensitively.</summary>
public sealed class HandoffRoute
{
    public string? Region { get; set; }
    public string? Segment { get; set; }

    /// <summary>"slack:C0123ABCD" or "teams:19:…@thread.tacv2".</summary>
    public string Channel { get; set; } = "";

    public bool Matches(string? region, string? segment) =>
        (Region is null || string.Equals(Region, region, StringComparison.OrdinalIgnoreCase))
        && (Segment is null || string.Equals(Segment, segment, StringComparison.OrdinalIgnoreCase));
}
