namespace RevBot.Core.Deals;

/// <summary>
/// A change a gate holds (<see cref="IDealChangeGate"/>): nothing of the deal is written; the gate's rows and the
/// command's key are saved together, so a twin delivery either replays "waiting for approval" or loses on the key.
/// </summary>
public sealed partial class DealCommandService
{
    private async Task<DealCommandResult?> HoldAsync(DealChangeProposal change, CancellationToken ct)
    {
        foreach (var gate in gates)
        {
            if (await gate.HoldAsync(change, ct) is not { } sentence) continue;
            var result = new DealCommandResult { Status = DealCommandStatus.PendingApproval, Message = sentence, Version = change.Deal.Version, ActorName = change.Actor.Name };
            return await SaveAsync(change.Command, "deal.held", change.Actor, result, ct);
        }
        return null;
    }

    private IEnumerable<Type> GateWrites => gates.SelectMany(g => g.Writes);
}
