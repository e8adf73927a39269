using Microsoft.Extensions.Options;

namespace RevBot.Core.Alerts;

/// <summary>Checks <see cref="AlertOptions"/> at start, so a bad threshold or weight stops the host with a clear sentence.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
