using Microsoft.Extensions.Options;
using RevBot.Core.Company;

namespace RevBot.Core.Handoffs;

/// <summary>Checks <see cref="HandoffOptions"/> at start (against the company's loss reasons), so a bad channel stops the host with one sentence.</summary>
public sealed class HandoffOptionsValidator(IOptions<CompanyOptions> company) : IValidateOptions<HandoffOptions>
{
    public ValidateOptionsResult Validate(string? name, HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CompanyOptions known;
        try
        {
            known = company.Value;
        }
        catch (OptionsValidationException)
        {
            // The company settings are wrong themselves and say so in their own sentence; check ours against the defaults.
            known = new CompanyOptions();
        }
        var problems = options.Problems(known).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
