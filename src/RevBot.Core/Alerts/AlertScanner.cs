using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core.Company;
using RevBot.Core.Storage;

namespace RevBot.Core.Alerts;

/// <summary>
/// Finds stalled deals, accounts at risk of churning and accounts ready to expand, with their reasons and recipients. Detection is set-based SQL:
/// only the deals and accounts that break a rule come back, one row at a time, so memory does not grow with the number
/// of deals. Stalled deals come first (biggest first), then accounts at risk, then accounts ready to expand (highest score first).
/// </summary>
public sealed class AlertScanner(RevBotDb db, IServiceScopeFactory scopes, IOptions<AlertOptions> options, IOptions<CompanyOptions> company, CompanyClock clock)
{
    public async IAsyncEnumerable<AlertFinding> ScanAsync(AlertScanRequest request, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var (stalledRules, churnRules, expansionRules) = (settings.Stalled, settings.Churn, settings.Expansion);
        var at = request.AsOf is { } day ? CompanyClock.At(day, clock.Zone) : clock;
        var (today, now) = (at.Today, at.UtcNow);
        var text = new AlertText(request.Language, company.Value.Currency, today);

        // The statements run at the same time, each on its own connection: the scan waits for the slowest, not for
        // the sum. The longest starts first (expansion, then churn, then stalled deals; the stage norms, a few hundred
        // rows from stage_exit_days, last, on this scope's connection). Stalled deals arrive filtered by the norms'
        // floor; the norms themselves, a handful of numbers, are applied to each row below.
        // Asked for one kind (a question listing stalled deals), only that kind's statements run.
        var (wantStalled, wantChurn) = (request.Only is null or AlertKind.StalledDeal, request.Only is null or AlertKind.ChurnRisk);
        var wantExpansion = request.Only is null or AlertKind.Expansion;
        await using var expansionScope = scopes.CreateAsyncScope();
        await using var expansion = wantExpansion ? new StartedStream<ExpansionFacts>(
            t => ExpansionQuery.StreamAsync(expansionScope.ServiceProvider.GetRequiredService<RevBotDb>(), expansionRules, today, now, t), ct) : null;
        await using var churnScope = scopes.CreateAsyncScope();
        await using var churn = wantChurn ? new StartedStream<ChurnRiskFacts>(
            t => ChurnRiskQuery.StreamAsync(churnScope.ServiceProvider.GetRequiredService<RevBotDb>(), churnRules, today, now, t), ct) : null;
        await using var stalledScope = scopes.CreateAsyncScope();
        await using var stalled = wantStalled ? new StartedStream<StalledDealFacts>(
            t => StalledDealQuery.StreamAsync(stalledScope.ServiceProvider.GetRequiredService<RevBotDb>(), stalledRules, today, now, t), ct) : null;

        if (stalled is not null)
        {
            var norms = await StageNormQuery.RunAsync(db, stalledRules, now, ct);
            await foreach (var row in stalled.ReadAsync())
            {
                var deal = row with { StageNormDays = Math.Max(norms.TryGetValue(row.Stage, out var norm) ? norm.Days : 0, stalledRules.StageNormFloorDays) };
                var reasons = StalledDealReasons.For(deal, stalledRules, today, text);
                // In its stage longer than the floor but not than its own stage's norm, and nothing else: not stalled.
                if (reasons.Count == 0) continue;
                yield return new AlertFinding(AlertKind.StalledDeal, deal.DealId, deal.DealName, null, reasons, Recipients(deal.OwnerEmail ?? deal.AccountOwnerEmail));
            }
        }
        if (churn is not null)
        {
            await foreach (var account in churn.ReadAsync())
            {
                yield return new AlertFinding(AlertKind.ChurnRisk, account.AccountId, account.AccountName, account.Score,
                    ChurnRiskReasons.For(account, churnRules, text), Recipients(account.OwnerEmail, account.SuccessEmail));
            }
        }
        if (expansion is null) yield break;
        await foreach (var account in expansion.ReadAsync())
        {
            yield return new AlertFinding(AlertKind.Expansion, account.AccountId, account.AccountName, account.Score,
                ExpansionReasons.For(account, expansionRules, text), Recipients(account.OwnerEmail, account.SuccessEmail));
        }
    }

    private static string[] Recipients(params string?[] emails) =>
        [.. emails.OfType<string>().Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
}
