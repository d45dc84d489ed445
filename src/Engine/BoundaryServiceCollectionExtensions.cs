using LowCode.Engine.Notifications;
using LowCode.Engine.Outbox;
using LowCode.Engine.Timers;
using LowCode.Engine.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCode.Engine;

/// <summary>Registers the runtime's boundaries: the timer poller, the outbox dispatcher, webhooks and mail.</summary>
public static class BoundaryServiceCollectionExtensions
{
    public static IServiceCollection AddLowCodeBoundaries(this IServiceCollection services)
    {
        services.TryAddSingleton<MailOptions>();
        services.TryAddSingleton<IMailTransport>(sp => sp.GetRequiredService<MailOptions>().Captures
            ? ActivatorUtilities.CreateInstance<CapturingMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp));
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<TimerPoller>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<NotificationQueries>();
        return services;
    }
}
