using Microsoft.Extensions.Options;

namespace RevBot.Core.Digests.Scheduling;

/// <summary>Checks <see cref="DigestScheduleOptions"/> at start, so a bad interval stops the host with a clear sentence.</summary>
public sealed class DigestScheduleOptionsValidator : IValidateOptions<DigestScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
