using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Alerts;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Replies;
using RevBot.Data;
using RevBot.Testing;
using RevBot.Tests.Demo;

namespace RevBot.Tests.Conversation;

/// <summary>Asking offered questions on the demo company, and what makes an answer a real one.</summary>
internal static class SuggestionWalk
{
    private static readonly HashSet<ReplyKind> NotAnAnswer = [ReplyKind.Clarify, ReplyKind.NotUnderstood, ReplyKind.Refused, ReplyKind.Error];

    public static ServiceProvider Services(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = "UTC" }).Build();
        return new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(database.Target).BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static async Task<List<AlertFinding>> ScanAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var found = new List<AlertFinding>();
        await foreach (var f in scope.ServiceProvider.GetRequiredService<AlertScanner>().ScanAsync(new AlertScanRequest(DemoCompanyFixture.AsOf), Ct)) found.Add(f);
        return found;
    }

    /// <summary>The rep with the most open deals closing this month, so "my open deals closing this month" has rows.</summary>
    public static async Task<string> BusiestRepAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var monthStart = new DateOnly(DemoCompanyFixture.AsOf.Year, DemoCompanyFixture.AsOf.Month, 1);
        var owners = await db.Deals.AsNoTracking()
            .Where(d => d.Status == DealStatus.Open && d.CloseDate >= monthStart && d.CloseDate < monthStart.AddMonths(1) && d.OwnerId != null)
            .Select(d => d.Owner!.Email).ToListAsync(Ct);
        return owners.GroupBy(e => e).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
    }

    public static async Task<Answer> AskAsync(ServiceProvider services, string question, string? email, ChannelTarget? channel = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, email, DemoCompanyFixture.AsOf) { Channel = channel }, Ct);
    }

    /// <summary>Why <paramref name="answer"/> is not a real answer to an offered question; empty when it is.</summary>
    public static IEnumerable<string> Problems(string asked, Answer answer)
    {
        var said = $"\"{asked}\" got {answer.Intent}/{answer.Reply.Kind} \"{answer.Reply.Title}\": {answer.Text}";
        if (!answer.Understood || NotAnAnswer.Contains(answer.Reply.Kind) || answer.Intent is "clarify" or "unknown")
            yield return $"not answered: {said}";
        else if (answer.MissingData is { Count: > 0 })
            yield return $"missing data: {said}";
        else if (answer.Intent is "metric" or "list" or "scorecard" && answer.Value is null && answer.Items is not { Count: > 0 }
                 && answer.Breakdown is not { Count: > 0 } && answer.Metrics is not { Count: > 0 })
            yield return $"no number and no rows: {said}";
    }

    /// <summary>A list answer whose rows are some of <paramref name="expected"/> (and not, say, the top open deals).</summary>
    public static IEnumerable<string> ListOf(string asked, Answer answer, IReadOnlySet<string> expected, string what)
    {
        if (answer.Items is not { Count: > 0 } items || !items.All(i => expected.Contains(i.Id)))
            yield return $"\"{asked}\" should list {what}, got {answer.Intent} \"{answer.Reply.Title}\": {string.Join(", ", answer.Items?.Select(i => i.Id) ?? [])}";
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
