using RevBot.Core.Alerts;
using RevBot.Core.Conversation;
using RevBot.Data.Storage;
using RevBot.Tests.Demo;

namespace RevBot.Tests.Conversation;

/// <summary>
/// Every question RevBot offers (<see cref="SuggestedQuestions.Everywhere"/>: welcome, help, fallback examples, Home tab,
/// topic suggestions), asked on the seeded demo company by a rep, gets a real answer of the kind it promises, and so
/// does every "ask" button under that answer (follow-ups, "show me", clarify options). A stalled-deal suggestion lists
/// the scan's stalled deals, an at-risk one the scan's churn-risk accounts.
/// </summary>
public sealed class SuggestedQuestionTests(DemoCompanyFixture demo)
{
    [Theory]
    [InlineData(DbProvider.Sqlite, "en")]
    [InlineData(DbProvider.Sqlite, "es")]
    [InlineData(DbProvider.Postgres, "en")]
    [InlineData(DbProvider.Postgres, "es")]
    public async Task Every_suggestion_and_every_button_under_its_answer_gets_a_real_answer(DbProvider provider, string language)
    {
        var database = await demo.GetAsync(provider);
        await using var services = SuggestionWalk.Services(database);
        var findings = await SuggestionWalk.ScanAsync(services);
        var stalled = findings.Where(f => f.Kind == AlertKind.StalledDeal).Select(f => f.SubjectId).ToHashSet();
        var atRisk = findings.Where(f => f.Kind == AlertKind.ChurnRisk).Select(f => f.SubjectId).ToHashSet();
        var rep = await SuggestionWalk.BusiestRepAsync(database);
        var failures = new List<string>();

        foreach (var question in SuggestedQuestions.Everywhere(language))
        {
            var answer = await SuggestionWalk.AskAsync(services, question, rep);
            failures.AddRange(SuggestionWalk.Problems(question, answer));
            var words = question.ToLowerInvariant();
            if (words.Contains("stalled", StringComparison.Ordinal) || words.Contains("estancad", StringComparison.Ordinal))
                failures.AddRange(SuggestionWalk.ListOf(question, answer, stalled, "the scan's stalled deals"));
            if (words.Contains("risk", StringComparison.Ordinal) || words.Contains("riesgo", StringComparison.Ordinal))
                failures.AddRange(SuggestionWalk.ListOf(question, answer, atRisk, "the scan's churn-risk accounts"));
            foreach (var button in answer.Reply.Actions.Where(a => a.Id == FollowUpActions.Ask))
                failures.AddRange(SuggestionWalk.Problems($"{question} → [{button.Label}] {button.Value}", await SuggestionWalk.AskAsync(services, button.Value, rep)));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void The_suggestions_cover_the_welcome_card_help_and_the_home_tab_in_both_languages()
    {
        foreach (var language in new[] { "en", "es" })
        {
            var all = SuggestedQuestions.Everywhere(language);
            Assert.Subset(all.ToHashSet(), SuggestedQuestions.Welcome(language).Concat(SuggestedQuestions.Help(language)).Concat(SuggestedQuestions.Home(language)).ToHashSet());
            Assert.InRange(SuggestedQuestions.Help(language).Count, 4, 6);
            Assert.Equal(SuggestedQuestions.Help(language), GuidanceComposer.Help(language).Reply.Actions.Select(a => a.Value));
        }
        Assert.Equal(SuggestedQuestions.Welcome("en").Count, SuggestedQuestions.Welcome("es").Count);
        Assert.Equal(SuggestedQuestions.Help("en").Count, SuggestedQuestions.Help("es").Count);
    }
}
