using System.Text.Json;
using RevBot.Core.Domain;
using RevBot.Core.Sources;

namespace RevBot.Host.Cli;

/// <summary>
/// What <c>revbot sync</c> prints from the run's record: the totals, the counts per object, and the first skipped
/// records with their reasons (the run's details keep a few hundred; the log of a big run stays readable).
/// </summary>
internal static class SyncReport
{
    public const int ShownSkips = 20;

    public static async Task WriteAsync(SyncRun run, TextWriter output)
    {
        var kind = (run.Full ? "full" : "incremental") + (run.DryRun ? ", dry run" : "");
        var seconds = run.FinishedAt is { } end ? $" in {(end - run.StartedAt).TotalSeconds:0.0}s" : "";
        await output.WriteLineAsync($"{EnumText.Format(run.System)} sync, run {run.Id} ({kind}){seconds}: {Counts(run.Read, run.Written, run.Deleted, run.Skipped)}.");
        if (run.Details is null) return;
        using var details = JsonDocument.Parse(run.Details);
        foreach (var o in details.RootElement.GetProperty("objects").EnumerateObject())
            await output.WriteLineAsync($"  {o.Name}: {Counts(Int(o.Value, "read"), Int(o.Value, "written"), Int(o.Value, "deleted"), Int(o.Value, "skipped"))}");
        var listed = details.RootElement.GetProperty("skipped").EnumerateArray().ToList();
        if (listed.Count > 0) await output.WriteLineAsync("Skipped:");
        foreach (var s in listed.Take(ShownSkips))
            await output.WriteLineAsync($"  {s.GetProperty("object").GetString()} {s.GetProperty("id").GetString()}: {s.GetProperty("reason").GetString()}");
        if (run.Skipped > ShownSkips)
            await output.WriteLineAsync($"  … and {run.Skipped - ShownSkips} more (sync_runs row {run.Id} lists the first {listed.Count} in its details).");
        if (run.DryRun) await output.WriteLineAsync("Dry run: nothing was written.");
    }

    private static string Counts(int read, int written, int deleted, int skipped) => $"{read} read, {written} written, {deleted} deleted, {skipped} skipped";

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();
}
