using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RevBot.Core.Answers;

namespace RevBot.Core.ScheduledQuestions;

/// <summary>
/// What "only if it changed" and "skip if empty" look at in an answer. The fingerprint is the answer's data (values,
/// breakdown, items, missing data) without its words, period or comparison: a new quarter with the same numbers, or a
/// reworded sentence, is not a change; a different number or row is.
/// </summary>
internal static class AnswerFingerprint
{
    private static readonly string[] Ignored = ["text", "period", "comparison", "chart", "language", "schedule"];

    public static string Of(Answer answer)
    {
        var node = JsonSerializer.SerializeToNode(answer)!.AsObject();
        foreach (var key in Ignored) node.Remove(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(node.ToJsonString())));
    }

    /// <summary>Nothing to show: missing data, or no value other than zero and no rows.</summary>
    public static bool IsEmpty(Answer answer) =>
        answer.MissingData is { Count: > 0 }
        || (answer.Value is null or 0 && answer.Items is null or { Count: 0 } && answer.Breakdown is null or { Count: 0 } && answer.Metrics is null or { Count: 0 });
}
