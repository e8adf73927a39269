using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// Finds stalled deals and accounts at risk of churning, with their reasons and recipients. Detection is set-based SQL:
/// only the deals and accounts that break a rule come back, one row at a time, so memory does not grow with the number
/// of deals. Stalled deals come first (biggest first), then accounts at risk (highest score first).
/// </summary>
public sealed class AlertScanner(RevBotDb db, IServiceScopeFactory scopes, IOptions<AlertOptions> options, IOptions<CompanyOptions> company, CompanyClock clock)
{
    public async IAsyncEnumerable<AlertFinding> ScanAsync(AlertScanRequest request, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var at = request.AsOf is { } day ? CompanyClock.At(day, clock.Zone) : clock;
        var (today, now) = (at.Today, at.UtcNow);
        var text = new AlertText(request.Language, company.Value.Currency);

        // The churn statement runs at the same time on its own connection: the scan waits for the slower half, not both.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await using var scope = scopes.CreateAsyncScope();
        var churn = ChurnRiskQuery.StreamAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), settings.Churn, today, now, stop.Token)
            .GetAsyncEnumerator(stop.Token);
        var next = churn.MoveNextAsync().AsTask();
        try
        {
            var norms = await StageNormQuery.RunAsync(db, settings.Stalled, now, ct);
            var effective = norms.ToDictionary(n => n.Key, n => Math.Max(n.Value.Days, settings.Stalled.StageNormFloorDays), StringComparer.Ordinal);
            await foreach (var deal in StalledDealQuery.StreamAsync(db, settings.Stalled, effective, today, now, ct))
            {
                yield return new AlertFinding(AlertKind.StalledDeal, deal.DealId, deal.DealName, null,
                    StalledDealReasons.For(deal, settings.Stalled, today, text), Recipients(deal.OwnerEmail ?? deal.AccountOwnerEmail));
            }
            while (await next)
            {
                var account = churn.Current;
                yield return new AlertFinding(AlertKind.ChurnRisk, account.AccountId, account.AccountName, account.Score,
                    ChurnRiskReasons.For(account, settings.Churn, text), Recipients(account.OwnerEmail, account.SuccessEmail));
                next = churn.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // An enumerator cannot be disposed while a MoveNext is running: stop the statement and let it end first.
            if (!next.IsCompleted)
            {
                await stop.CancelAsync();
                try { await next; } catch (OperationCanceledException) { } catch (System.Data.Common.DbException) { }
            }
            await churn.DisposeAsync();
        }
    }

    private static string[] Recipients(params string?[] emails) =>
        [.. emails.OfType<string>().Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
}
