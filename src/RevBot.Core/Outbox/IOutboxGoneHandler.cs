using RevBot.Core.Domain;

namespace RevBot.Core.Outbox;

/// <summary>
/// Told when a message could not be delivered because its channel or person is gone (<see cref="OutboxSendStatus.Gone"/>),
/// so the feature that addressed it can stop doing so: alert subscriptions and digest schedules on an archived channel
/// are disabled and their subscriber told. Runs in the dispatcher's DI scope, after the row is marked.
/// </summary>
public interface IOutboxGoneHandler
{
    Task OnGoneAsync(OutboxMessage message, CancellationToken ct);
}
