using System.Text.Json.Serialization;

namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A text composition object: <see cref="PlainText"/> or <see cref="MrkdwnText"/>.</summary>
[JsonDerivedType(typeof(PlainText))]
[JsonDerivedType(typeof(MrkdwnText))]
public abstract record TextObject([property: JsonPropertyOrder(-1)] string Type, string Text);
