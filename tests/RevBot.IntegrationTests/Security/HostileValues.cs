using System.Text;
using System.Text.Json.Nodes;

namespace RevBot.IntegrationTests.Security;

/// <summary>
/// What an attacker or a broken client puts where a well-formed value should be: SQL, markup, Slack mentions, control
/// characters, huge strings and numbers, wrong JSON types. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class HostileValues
{
    private static readonly string[] Texts =
    [
        "'; DROP TABLE deals; --", "\" OR 1=1 --", "1; UPDATE deals SET amount = 0", "win rate'); DELETE FROM users; --",
        "<script>alert(1)</script>", "<!channel> <!here> <@U000>", "*bold* _it_ ~s~ `code` ```x```", "<https://evil.example|click>",
        "{{7*7}} ${jndi:ldap://x}", "\u0000\u0001\u0007\u001b[31m", "\u202Eevil\u202C", "😀🔥💰", "NaN", "-1", "1e309", "",
        " ", "null", "true", "[]", "{}", "../../etc/passwd", "%00%ff%fe", "\\u0000", "ARR\r\nSet-Cookie: x=1",
        "¿cuánto es nuestro ARR?", "what's our win rate this quarter?", "deal acme", "data health", "help",
        "what is our ARR?\u0000", "\u0000", "deal acme\u0000corp", "win rate\u0000 this quarter", "9999-12-31", "0001-01-01",
    ];

    /// <summary>
    /// Bytes that no JSON encoder writes but a client can send inside a JSON string: invalid UTF-8 (a lone
    /// continuation byte, an overlong, a UTF-8-encoded surrogate, 0xFF) and escaped lone surrogates.
    /// </summary>
    private static readonly byte[][] NotTextInString =
    [
        [0xFF], [0xC3, 0x28], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82],
        "\\uD800"u8.ToArray(), "\\uDC00x"u8.ToArray(), "a\\uD83D"u8.ToArray(),
    ];

    public static byte[] NotText(Random random) => NotTextInString[random.Next(NotTextInString.Length)];

    /// <summary>An id as a client might send it: mostly a plain one, else NUL in it, 100 KB of it, or a lone surrogate escape.</summary>
    public static string Id(Random random, string plain) => random.Next(6) switch
    {
        0 => plain + "\u0000",
        1 => new string('i', 100_000),
        2 => Texts[random.Next(Texts.Length)],
        _ => plain,
    };

    public static string Text(Random random) => random.Next(10) switch
    {
        0 => new string('A', random.Next(1_000, 200_000)),
        1 => string.Concat(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(1, 0xD7FF))),
        _ => Texts[random.Next(Texts.Length)],
    };

    /// <summary>A value of any JSON type, hostile where it is a string.</summary>
    public static JsonNode? Node(Random random) => random.Next(12) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0 ? long.MaxValue : -1),
        2 => JsonValue.Create(random.NextDouble() * 1e300),
        3 => JsonValue.Create(random.Next(2) == 0),
        4 => new JsonArray(JsonValue.Create(Text(random)), JsonValue.Create(1)),
        5 => new JsonObject { ["type"] = JsonValue.Create(1), ["id"] = new JsonArray() },
        _ => JsonValue.Create(Text(random)),
    };

    /// <summary>Bytes that are not UTF-8 (lone continuation bytes, overlongs, 0xFF), mixed with printable noise.</summary>
    public static byte[] InvalidUtf8(Random random)
    {
        var bytes = new byte[random.Next(1, 4_000)];
        random.NextBytes(bytes);
        bytes[0] = 0xC3;
        if (bytes.Length > 1) bytes[1] = 0x28;
        return bytes;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>JSON nested past System.Text.Json's default depth of 64, as text (a JsonNode that deep cannot be written).</summary>
    public static string Deep(Random random)
    {
        var depth = random.Next(70, 5_000);
        return "{\"type\":" + new string('[', depth) + new string(']', depth) + "}";
    }
}
