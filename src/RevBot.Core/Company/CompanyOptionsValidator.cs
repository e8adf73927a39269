using Microsoft.Extensions.Options;

namespace RevBot.Core.Company;

/// <summary>Checks <see cref="CompanyOptions"/> at start, so a bad setting stops the host with a clear sentence.</summary>
public sealed class CompanyOptionsValidator : IValidateOptions<CompanyOptions>
{
    public ValidateOptionsResult Validate(string? name, CompanyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
