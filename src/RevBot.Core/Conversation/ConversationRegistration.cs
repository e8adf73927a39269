using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Settings;

namespace RevBot.Core.Conversation;

public static class ConversationRegistration
{
    /// <summary>The question router and what it reads with: the conversation store, finding lists, scorecards, the vocabulary cache and the question rate limit.</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ConversationStore>();
        services.AddScoped<AskService>();
        services.AddScoped<FindingLists>();
        services.AddScoped<ScorecardAnswers>();
        services.AddSingleton<VocabularyCache>();
        services.AddOptions<QuestionLimitOptions>().Bind(configuration.GetSection(QuestionLimitOptions.Section)).CheckOnStart();
        services.AddSingleton<QuestionRateLimiter>();
        return services;
    }
}
