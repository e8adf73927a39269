using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>
/// Writes card enums as the schema spells them ("extraLarge", "bolder", "positive"), whatever options the caller
/// serializes with, so a card never goes out with numbers for its styles.
/// </summary>
public sealed class CardEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
