using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Tests.Demo;
using static RevBot.Tests.Digests.DigestHarness;

namespace RevBot.Tests.Digests;

/// <summary>"Ask about this" really reproduces the number: each question, asked on the digest's day, answers the same value over the same period.</summary>
public sealed class DigestQuestionTests(DemoCompanyFixture company)
{
    [Theory]
    [InlineData(DigestKind.Sales, "")]
    [InlineData(DigestKind.Exec, "region=EMEA")]
    [InlineData(DigestKind.Cs, "segment=SMB")]
    [InlineData(DigestKind.Finance, "")]
    [InlineData(DigestKind.Marketing, "")]
    public async Task Every_headline_question_answers_the_headline_number(DigestKind kind, string filterSpec)
    {
        var database = await company.GetAsync(DbProvider.Sqlite);
        await using var db = database.NewContext();
        var digest = await Builder(db).BuildAsync(new DigestRequest(kind, AsOf, Filters(filterSpec)), ct: Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = Company.TimeZone }).Build();
        await using var services = new ServiceCollection().AddLogging().AddRevBotCore(configuration).AddRevBotData(database.Target).BuildServiceProvider();

        foreach (var m in digest.Metrics)
        {
            await using var scope = services.CreateAsyncScope();
            var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(m.Question, null, AsOf), Ct);
            Assert.True(answer.Metric == m.Metric, $"\"{m.Question}\" was read as {answer.Metric} ({answer.Text})");
            Assert.Equal(AnswerPeriod.From(m.Period) with { Label = answer.Period!.Label }, answer.Period);
            Assert.Equal(filterSpec.Length == 0 ? null : Filters(filterSpec).ToDictionary(f => DimensionText.Key(f.Key), f => f.Value), answer.Filters);
            Assert.Equal(m.Value.Value, answer.Value);
        }
    }
}
