using System.Text;
using System.Text.RegularExpressions;

namespace RevBot.IntegrationTests.Deploy;

/// <summary>
/// Decides, as the container engine does, whether a path is left out of the build context by a .dockerignore: each line
/// a pattern (<c>*</c> within one folder, <c>**</c> across folders, a leading <c>!</c> takes a path back), the last
/// matching line wins, and a pattern that matches a folder leaves out everything inside it.
/// </summary>
internal sealed class DockerIgnore(IReadOnlyList<(Regex Pattern, bool Exclude)> rules)
{
    public static DockerIgnore Parse(string text) => new(text.Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.StartsWith('!') ? (ToRegex(l[1..]), false) : (ToRegex(l), true))
        .ToList());

    /// <summary>Whether <paramref name="path"/> (relative to the context, '/'-separated) stays out of the context.</summary>
    public bool Excludes(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // The path itself or any folder above it.
        var candidates = Enumerable.Range(1, parts.Length).Select(n => string.Join('/', parts[..n])).ToList();
        var excluded = false;
        foreach (var (pattern, exclude) in rules)
        {
            if (candidates.Any(pattern.IsMatch)) excluded = exclude;
        }
        return excluded;
    }

    private static Regex ToRegex(string pattern)
    {
        var p = pattern.Trim().TrimStart('/').TrimEnd('/');
        var regex = new StringBuilder("^");
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                var slash = i + 2 < p.Length && p[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (p[i] == '*') regex.Append("[^/]*");
            else if (p[i] == '?') regex.Append("[^/]");
            else regex.Append(Regex.Escape(p[i..(i + 1)]));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
