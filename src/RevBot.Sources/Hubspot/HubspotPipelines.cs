using System.Text.Json;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// The deal pipelines and their stages (GET crm/v3/pipelines/deals). A stage's metadata says whether it closes the
/// deal (<c>isClosed</c>) and with what probability: closed at 1.0 is won, closed below is lost, anything else open.
/// </summary>
internal sealed class HubspotPipelines
{
    private readonly Dictionary<string, HubspotStage> _stages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pipelineLabels = new(StringComparer.Ordinal);

    public static async Task<HubspotPipelines> ReadAsync(HubspotApi api, CancellationToken ct) => From(await api.GetAsync("crm/v3/pipelines/deals", ct));

    public static HubspotPipelines From(JsonElement answer)
    {
        var pipelines = new HubspotPipelines();
        foreach (var pipeline in HubspotJson.Array(answer, "results"))
        {
            var pipelineId = HubspotJson.Id(pipeline);
            pipelines._pipelineLabels[pipelineId] = HubspotJson.Str(pipeline, "label") ?? pipelineId;
            foreach (var stage in HubspotJson.Array(pipeline, "stages"))
            {
                var metadata = stage.TryGetProperty("metadata", out var m) ? m : default;
                var closed = string.Equals(HubspotJson.Str(metadata, "isClosed"), "true", StringComparison.OrdinalIgnoreCase);
                var probability = HubspotJson.Number(HubspotJson.Str(metadata, "probability"));
                var id = HubspotJson.Id(stage);
                pipelines._stages[id] = new HubspotStage(id, HubspotJson.Str(stage, "label") ?? id, pipelineId, closed, probability);
            }
        }
        return pipelines;
    }

    public HubspotStage? Stage(string? id) => id is not null && _stages.TryGetValue(id, out var stage) ? stage : null;

    public string PipelineLabel(string id) => _pipelineLabels.GetValueOrDefault(id, id);

    /// <summary>The stage of <paramref name="pipelineId"/> with this label (ignoring case), for write-back.</summary>
    public HubspotStage? ByLabel(string pipelineId, string label) =>
        _stages.Values.FirstOrDefault(s => s.PipelineId == pipelineId && string.Equals(s.Label, label, StringComparison.OrdinalIgnoreCase));

    /// <summary>The pipeline's first won (or lost) stage, for a deal marked won or lost without a stage.</summary>
    public HubspotStage? ClosingStage(string pipelineId, string status) =>
        _stages.Values.FirstOrDefault(s => s.PipelineId == pipelineId && s.Status == status);
}

internal sealed record HubspotStage(string Id, string Label, string PipelineId, bool IsClosed, decimal? Probability)
{
    /// <summary>"open", "won" or "lost", as deals.csv spells it.</summary>
    public string Status => !IsClosed ? "open" : Probability >= 1m ? "won" : "lost";
}
