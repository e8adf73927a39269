using System.Text.Json;

namespace RevBot.IntegrationTests.Screenshots;

/// <summary>One card at one width as render.mjs reports it (report.json), and what a reader would find wrong with it.</summary>
internal sealed record ScreenshotResult(string Name, string Platform, int Width, string Png, int Bytes, string? Error,
    IReadOnlyList<string> SplitTokens, IReadOnlyList<string> Overflow, IReadOnlyList<string> MissingAlt, IReadOnlyList<string> Oversized)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>"{kind}.{platform}", the test case this card belongs to (see <see cref="ScreenshotCard.Case"/>).</summary>
    public string Case => Name[..Name.LastIndexOf('.')];

    public IEnumerable<string> Problems()
    {
        var at = $"{Name} at {Width} px ({Png})";
        if (Error is not null) yield return $"{at} did not render: {Error}";
        if (SplitTokens.Count > 0) yield return $"{at} splits {string.Join(", ", SplitTokens.Select(t => $"\"{t}\""))} across two lines";
        foreach (var o in Overflow) yield return $"{at} overflows: {o}";
        foreach (var a in MissingAlt) yield return $"{at} shows an image without alt text: {a}";
        foreach (var s in Oversized) yield return $"{at} is too large: {s}";
    }

    public static IReadOnlyList<ScreenshotResult> Read(string folder) =>
        JsonSerializer.Deserialize<List<ScreenshotResult>>(File.ReadAllText(Path.Combine(folder, "report.json")), Json)!;
}
