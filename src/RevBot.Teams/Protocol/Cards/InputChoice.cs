namespace RevBot.Teams.Protocol.Cards;

public sealed record InputChoice(string Title, string Value);
