using System.Text.Json.Serialization;

namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>An interactive (or image) element inside an actions, section or input block.</summary>
[JsonDerivedType(typeof(ButtonElement))]
[JsonDerivedType(typeof(PlainTextInputElement))]
[JsonDerivedType(typeof(StaticSelectElement))]
[JsonDerivedType(typeof(DatepickerElement))]
[JsonDerivedType(typeof(NumberInputElement))]
[JsonDerivedType(typeof(ImageElement))]
[JsonDerivedType(typeof(OverflowElement))]
public abstract record BlockElement([property: JsonPropertyOrder(-1)] string Type);
