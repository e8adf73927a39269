namespace RevBot.Teams.Protocol.Cards;

/// <summary>An element to toggle; <see cref="IsVisible"/> null flips it, true/false sets it.</summary>
public sealed record TargetElement(string ElementId, bool? IsVisible = null);
