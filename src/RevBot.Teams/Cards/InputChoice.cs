namespace RevBot.Teams.Cards;

public sealed record InputChoice(string Title, string Value);
