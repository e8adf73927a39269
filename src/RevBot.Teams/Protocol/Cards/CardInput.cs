namespace RevBot.Teams.Protocol.Cards;

/// <summary>
/// An input. Its <see cref="CardElement.Id"/> names its value in the Action.Execute/Submit data. Teams shows
/// <see cref="Label"/> above it and <see cref="ErrorMessage"/> when a required input is left empty.
/// </summary>
public abstract class CardInput : CardElement
{
    protected CardInput(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}
