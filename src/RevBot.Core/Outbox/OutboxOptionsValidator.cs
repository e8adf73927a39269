using Microsoft.Extensions.Options;

namespace RevBot.Core.Outbox;

/// <summary>Checks <see cref="OutboxOptions"/> at start, so a bad setting stops the host with one sentence.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
