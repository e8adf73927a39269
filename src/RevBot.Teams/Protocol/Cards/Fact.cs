namespace RevBot.Teams.Protocol.Cards;

public sealed record Fact(string Title, string Value);
