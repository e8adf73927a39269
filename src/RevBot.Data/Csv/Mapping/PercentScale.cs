namespace RevBot.Data.Csv.Mapping;

/// <summary>How an export writes a percentage (<c>percent:</c> in a mapping): 12 for 12% (points) or 0.12 (a fraction).</summary>
internal enum PercentScale
{
    Points,
    Fraction,
}
