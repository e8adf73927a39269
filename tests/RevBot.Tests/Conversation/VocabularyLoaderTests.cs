using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Metrics;
using RevBot.Data.Storage;
using RevBot.Tests.Deals;

namespace RevBot.Tests.Conversation;

/// <summary>
/// What the vocabulary reads: on PostgreSQL the deals' stages, sources and products come from their indexes (one
/// probe per value) and must equal a plain DISTINCT; a one-shot question reads only the accounts its words could mean.
/// </summary>
public sealed class VocabularyLoaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_small_name_lists_equal_a_plain_distinct_of_every_row(DbProvider provider)
    {
        await using var s = await DealServices.CreateAsync(provider);
        await using var db = s.Database.NewContext();
        db.Deals.Add(new() { Id = "deal-x", Name = "X", AccountId = "acc-5", Amount = 1m, Stage = "Zeta stage", Source = "Webinar", Product = "Alpha Kit", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(Ct);

        var vocabulary = await VocabularyLoader.LoadAsync(db, Ct);

        Assert.Equal(await Plain(db.Deals.Select(d => d.Stage)), Names(vocabulary, Dimension.Stage));
        Assert.Equal(await Plain(db.Deals.Select(d => d.Source)), Names(vocabulary, Dimension.Source));
        Assert.Equal(await Plain(db.Deals.Select(d => d.Product).Concat(db.Subscriptions.Select(x => x.Product))), Names(vocabulary, Dimension.Product));
        Assert.Equal(await Plain(db.Accounts.Select(a => a.Name)), vocabulary.Of(Dimension.Account).Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Zeta stage", Names(vocabulary, Dimension.Stage));
    }

    [Fact]
    public async Task A_one_shot_question_reads_only_the_accounts_its_words_could_mean_typos_included()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Postgres);
        await using var db = s.Database.NewContext();

        var vocabulary = await VocabularyLoader.LoadForQuestionAsync(db, "open pipeline for Initek and globex", Ct);

        Assert.Equal(["Globex Industries", "Initech"], vocabulary.Of(Dimension.Account).Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.NotEmpty(vocabulary.Of(Dimension.Owner));
        Assert.NotEmpty(vocabulary.Of(Dimension.Stage));
    }

    [Fact]
    public async Task A_one_shot_ask_answers_with_the_account_it_names()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Postgres);
        s.Get<VocabularyCache>().OneQuestion = true;

        var answer = await s.UseAsync<AskService, Answer>(a => a.AskAsync(new AskRequest("open pipeline for Initech", null), Ct));

        Assert.Contains("acc-5", answer.Filters!.Values);
        Assert.Null(s.Get<VocabularyCache>().Refreshing);
    }

    private static List<string> Names(QuestionVocabulary vocabulary, Dimension dimension) => [.. vocabulary.Of(dimension).Select(n => n.Name)];

    private static async Task<List<string>> Plain(IQueryable<string?> values) =>
        [.. (await values.Distinct().ToListAsync(Ct)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
