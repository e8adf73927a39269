using System.Text.Json.Serialization;

namespace RevBot.Core.Replies;

/// <summary>A titled list; <see cref="EmptyText"/> is shown instead of items when there are none.</summary>
public sealed record ReplySection(string Title, IReadOnlyList<ReplySectionItem> Items, string EmptyText)
{
    /// <summary>
    /// The section's stable id (a digest's <c>top_won</c>), when it has one. Both renderers put <see cref="Anchor"/> on
    /// the section's heading (Slack's block_id, the card element's id), so a test can compare what each platform shows.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>"section_top_won": the id of the section's heading block or element on every platform; null without an id.</summary>
    [JsonIgnore]
    public string? Anchor => Id is null ? null : "section_" + Id;
}
