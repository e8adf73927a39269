using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Alerts.Subscriptions;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.DataHealth;
using RevBot.Core.Deals;
using RevBot.Core.Digests;
using RevBot.Core.Handoffs;
using RevBot.Core.Interactions;
using RevBot.Core.Metrics;
using RevBot.Core.Outbox;
using RevBot.Core.Settings;
using RevBot.Core.Work;

namespace RevBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the product logic: company and hand-off settings (validated at start), the clock, the metric engine,
    /// the alert scanner, deal search, updates and cards, data health, the interaction service adapters send button presses to
    /// (scoped, like the database context they use), and the outbox dispatcher with its settings.
    /// </summary>
    public static IServiceCollection AddRevBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddOptions<CompanyOptions>().Bind(configuration.GetSection(CompanyOptions.Section)).CheckOnStart();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).CheckOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CompanyClock(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<CompanyOptions>>().Value.GetTimeZone()));
        services.AddScoped<MetricEngine>();
        services.AddScoped<ConversationStore>();
        services.AddScoped<AskService>();
        services.AddScoped<FindingLists>();
        services.AddScoped<ScorecardAnswers>();
        services.AddScoped<AlertScanner>();
        services.AddScoped<AlertRouter>();
        services.AddScoped<AlertDelivery>();
        services.AddScoped<AlertInteractions>();
        services.AddScoped<AlertCommands>();
        services.AddScoped<AlertMutes>();
        services.AddScoped<Alerts.Personal.PersonalAlerts>();
        services.AddScoped<IOutboxGoneHandler, AlertGoneHandler>();
        services.AddScoped<DigestBuilder>();
        services.AddScoped<Digests.Scheduling.DigestSubscriptions>();
        services.AddScoped<Images.ReplyImageStore>();
        services.AddSingleton<Digests.Feeds.AlertFindingsCache>();
        services.AddScoped<IDigestFeed>(sp => ActivatorUtilities.CreateInstance<Digests.Feeds.AlertDigestFeed>(sp, DigestSectionIds.StalledDeals));
        services.AddScoped<IDigestFeed>(sp => ActivatorUtilities.CreateInstance<Digests.Feeds.AlertDigestFeed>(sp, DigestSectionIds.AtRiskAccounts));
        services.AddScoped<IDigestFeed, Digests.Feeds.HandoffDigestFeed>();
        services.AddOptions<Digests.Scheduling.DigestScheduleOptions>().Bind(configuration.GetSection(Digests.Scheduling.DigestScheduleOptions.Section)).CheckOnStart();
        services.AddScoped<Digests.Scheduling.DigestPoster>();
        services.AddScoped<Outbox.IOutboxGoneHandler, Digests.Scheduling.DigestGoneHandler>();
        services.AddSingleton<VocabularyCache>();
        services.AddOptions<QuestionLimitOptions>().Bind(configuration.GetSection(QuestionLimitOptions.Section)).CheckOnStart();
        services.AddSingleton<QuestionRateLimiter>();
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HandoffOptions>, HandoffOptionsValidator>();
        services.AddScoped<DealFinder>();
        services.AddScoped<DealCards>();
        services.AddScoped<DealCommandService>();
        services.AddScoped<DealInteractions>();
        services.AddScoped<HandoffClaims>();
        services.AddScoped<DataHealthQueries>();
        services.AddScoped<RecordMerger>();
        services.AddScoped<DataHealthInteractions>();
        services.AddScoped<InteractionService>();
        // Each feature claims its card buttons and forms by id prefix; InteractionService routes through the table.
        services.AddCardActions(DealActionRoute.Route);
        services.AddCardActions(HandoffActionRoute.Route);
        services.AddCardActions(DataHealthActionRoute.Route);
        services.AddCardActions(AlertActionRoute.Route);
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).CheckOnStart();
        services.AddScoped<OutboxMonitor>();
        // Sends what hand-offs, alerts and digests write to the outbox, through the senders Slack and Teams register.
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
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
