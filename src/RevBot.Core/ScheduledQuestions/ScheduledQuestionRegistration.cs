using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Answers;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Outbox;

namespace RevBot.Core.ScheduledQuestions;

public static class ScheduledQuestionRegistration
{
    /// <summary>Scheduled questions: their commands (after the digests' and alerts', so "stop the sales digest" stays theirs) and their kind on the digest scheduler.</summary>
    public static IServiceCollection AddScheduledQuestions(this IServiceCollection services)
    {
        services.AddScoped<ScheduledQuestionList>();
        services.AddScoped<IChatCommand, ScheduledQuestionCommands>();
        services.AddScoped<IScheduledKind, ScheduledQuestionRunner>();
        services.AddScoped<IOutboxGoneHandler, ScheduledQuestionGoneHandler>();
        return services;
    }
}
