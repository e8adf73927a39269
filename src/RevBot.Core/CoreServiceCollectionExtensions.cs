using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RevBot.Core.Alerts;
using RevBot.Core.Approvals;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.DataHealth;
using RevBot.Core.Deals;
using RevBot.Core.Digests;
using RevBot.Core.ForecastCalls;
using RevBot.Core.Handoffs;
using RevBot.Core.Images;
using RevBot.Core.Interactions;
using RevBot.Core.Metrics;
using RevBot.Core.Outbox;
using RevBot.Core.People;
using RevBot.Core.ScheduledQuestions;
using RevBot.Core.Watches;
using RevBot.Core.Work;

namespace RevBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the product logic, one feature at a time, lower features first (docs/architecture.md): each feature's
    /// Add&lt;Feature&gt;() registers its settings, services, chat commands, listeners and background services. The order
    /// is also the order of the lists features contribute to (chat commands, digest feeds, outbox gone handlers).
    /// </summary>
    public static IServiceCollection AddRevBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddCompany(configuration);
        services.AddMetrics();
        services.AddImages();
        services.AddOutbox(configuration);
        services.AddPeople();
        services.AddDeals();
        services.AddHandoffs(configuration);
        services.AddApprovals(configuration);
        services.AddDataHealth();
        services.AddWatches(configuration);
        services.AddDigests(configuration);
        services.AddAlerts(configuration);
        services.AddForecastCalls(configuration);
        services.AddScheduledQuestions();
        services.AddConversation(configuration);
        services.AddInteractions();
        return services;
    }

    /// <summary>
    /// The shared in-process queue for work done after a platform's ack, and its workers. Each chat adapter calls this;
    /// registering twice is harmless.
    /// </summary>
    public static IServiceCollection AddRevBotBackgroundWork(this IServiceCollection services)
    {
        services.TryAddSingleton<WorkQueue>();
        services.AddHostedService<WorkQueueService>();
        return services;
    }
}
