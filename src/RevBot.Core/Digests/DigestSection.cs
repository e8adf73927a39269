namespace RevBot.Core.Digests;

/// <summary>
/// A titled list in a digest ("Top deals won", "Stalled deals"). <see cref="Id"/> is stable (<see cref="DigestSectionIds"/>);
/// <see cref="EmptyText"/> says what an empty list means ("No deals lost last week" or, for a section whose source is not
/// connected, that it is not available yet).
/// </summary>
public sealed record DigestSection(string Id, string Title, IReadOnlyList<DigestItem> Items, string EmptyText)
{
    /// <summary>False when the section's source is not connected: its emptiness says nothing about the business.</summary>
    public bool Available { get; init; } = true;
}
