using System.Text;
using System.Text.Json;
using RevBot.Core.Input;

namespace RevBot.Tests.Input;

/// <summary>What every edge does to a JSON body before anything reads it: bad text is refused, NUL refused or removed.</summary>
public sealed class JsonInputTests
{
    public static TheoryData<byte[], string> NotText => new()
    {
        { Bytes("{\"text\":\"a", [0xFF], "b\"}"), "$.text" },
        { Bytes("{\"event\":{\"text\":\"", [0xC3, 0x28], "\"}}"), "$.event.text" },
        { Bytes("{\"a\":[\"ok\",\"", [0xED, 0xA0, 0x80], "\"]}"), "$.a[1]" },
        { Bytes("{\"q\":\"\\uD800\"}"), "$.q" },
        { Bytes("{\"q\":\"x\\uDC00y\"}"), "$.q" },
        { Bytes("{\"", [0xFE], "\":1}"), "$" },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public void A_string_that_is_not_utf8_text_is_refused_naming_where_it_is(byte[] body, string path)
    {
        Assert.False(JsonInput.TryRead(body, stripNul: true, out _, out var error));
        Assert.StartsWith(path, error, StringComparison.Ordinal);
        Assert.False(JsonInput.TryRead(body, stripNul: false, out _, out _));
    }

    [Fact]
    public void Nul_is_removed_everywhere_for_chat_and_refused_for_the_api()
    {
        var body = Bytes("{\"event\":{\"text\":\"what is our ARR?\\u0000\",\"n\\u0000\":[\"a\\u0000b\",1.50,true,null]}}");

        Assert.True(JsonInput.TryRead(body, stripNul: true, out var clean, out _));
        Assert.Equal("""{"event":{"text":"what is our ARR?","n":["ab",1.50,true,null]}}""", clean.GetRawText());
        Assert.False(JsonInput.TryRead(body, stripNul: false, out _, out var error));
        Assert.Equal("$.event.text contains a NUL character (\\u0000)", error);
    }

    [Fact]
    public void Clean_json_is_returned_as_it_came()
    {
        var body = Bytes("""{"question":"¿cuánto es nuestro ARR? 😀","n":[1e3,{"x":"\u00e9"}]}""");
        Assert.True(JsonInput.TryRead(body, stripNul: false, out var value, out _));
        Assert.Equal(Encoding.UTF8.GetString(body), value.GetRawText());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"a\":1")]
    [InlineData("")]
    public void Malformed_json_is_refused(string text)
    {
        Assert.False(JsonInput.TryRead(Bytes(text), stripNul: true, out _, out var error));
        Assert.StartsWith("not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_long_ids_are_found_at_any_depth()
    {
        Assert.True(JsonInput.TryRead(Bytes($$"""{"a":[{"id":"{{new string('x', 81)}}"}],"text":"{{new string('y', 500)}}"}"""), true, out var value, out _));
        var limits = new Dictionary<string, int> { ["id"] = 80 };
        Assert.True(JsonInput.HasOverlong(value, limits));
        Assert.False(JsonInput.HasOverlong(value, new Dictionary<string, int> { ["id"] = 81 }));
    }

    // A Fact, not InlineData: test-case serialization would turn the lone surrogates into U+FFFD before the test ran.
    [Fact]
    public void InputText_cleans_nul_and_lone_surrogates()
    {
        (string Text, string Clean)[] cases = [("ab\0c", "abc"), ("a\uD800b", "a\uFFFDb"), ("\uDC00", "\uFFFD"), ("ok 😀", "ok 😀")];
        foreach (var (text, clean) in cases)
        {
            Assert.Equal(clean, InputText.Clean(text));
            Assert.Equal(text == clean, InputText.Problem(text) is null);
        }
    }

    private static byte[] Bytes(string ascii, byte[]? middle = null, string tail = "") =>
        [.. Encoding.UTF8.GetBytes(ascii), .. middle ?? [], .. Encoding.UTF8.GetBytes(tail)];
}
