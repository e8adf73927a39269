using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using RevBot.Core;
using RevBot.Core.Company;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;

namespace RevBot.Host.Cli;

/// <summary>
/// The same services the host uses, for commands that run once (ask, chat): configuration comes from the same
/// sources as for <c>serve</c> (<see cref="RevBotConfiguration"/>: appsettings.json next to the binary, environment
/// variables such as Company__TimeZone, mounted secrets).
/// </summary>
internal static class CliServices
{
    /// <param name="more">A command's own registrations on top (sync adds the systems of record), with the configuration.</param>
    public static ServiceProvider Create(DbTarget target, Action<IServiceCollection, IConfiguration>? more = null)
    {
        var configuration = RevBotConfiguration.ForCommand();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning));
        services.AddRevBotCore(configuration);
        services.AddRevBotData(target);
        more?.Invoke(services, configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // Every section the command's services read is checked now, as the host checks it at start: a bad setting
            // stops the command before it does anything (CliFailures turns the exception into its sentence).
            provider.GetService<IStartupValidator>()?.Validate();
        }
        catch
        {
            provider.Dispose();
            throw;
        }
        return provider;
    }

    /// <summary>The company settings, or false after one clear line on <paramref name="error"/> when a setting is invalid.</summary>
    public static bool TryCompany(IServiceProvider services, TextWriter error, [NotNullWhen(true)] out CompanyOptions? company)
    {
        try
        {
            company = services.GetRequiredService<IOptions<CompanyOptions>>().Value;
            return true;
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"revbot: invalid setting: {ex.Failures.FirstOrDefault() ?? ex.Message}");
            company = null;
            return false;
        }
    }
}
