using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Sources;
using RevBot.Core.Storage;

namespace RevBot.Sources.WriteBack;

/// <summary>
/// The inline first attempt of a write (<see cref="ICrmWriteNow"/>): claims that one row as the dispatcher would (only
/// when it is its deal's head and not claimed already), sends and records it through <see cref="CrmWriteDelivery"/>,
/// and waits up to <see cref="CrmWriteOptions.InlineWait"/>. The send is never cancelled by the wait or by the person's
/// request ending: past the wait it goes on, and its answer, if a rejection, reaches the person as a direct message
/// (<see cref="InlineWait"/> decides which of the two tells them). A write it cannot claim is Pending: the dispatcher
/// sends it after the deal's earlier writes.
/// </summary>
internal sealed class CrmWriteNow(IServiceScopeFactory scopes, IOptions<CrmWriteOptions> options, TimeProvider time, ILogger<CrmWriteDispatcher> log) : ICrmWriteNow
{
    public async Task<CrmWriteAnswer> TryNowAsync(long writeId, CancellationToken ct)
    {
        var settings = options.Value;
        CrmWrite? row;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
            var now = time.GetUtcNow().UtcDateTime;
            row = (await CrmWriteClaims.ClaimAsync(db, now, now + settings.ClaimLease, 1, writeId, ct)).FirstOrDefault();
        }
        if (row is null) return CrmWriteAnswer.Pending;
        var waiter = new InlineWait();
        var send = new CrmWriteDelivery(scopes, settings, time, log).SendAsync(row, waiter, CancellationToken.None);
        await Task.WhenAny(send, Task.Delay(settings.InlineWait, time, ct));
        // Past the wait: the send goes on and tells the person itself, unless it is already telling us.
        if (!send.IsCompleted && waiter.TryAbandon()) return CrmWriteAnswer.Pending;
        return await send;
    }
}
