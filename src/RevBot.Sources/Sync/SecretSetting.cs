namespace RevBot.Sources.Sync;

/// <summary>
/// A secret given either in configuration (<c>AccessToken</c>) or as the path of a mounted secret file
/// (<c>AccessTokenFile</c>, as Kubernetes and Docker secrets are mounted). The file wins, and is read when the secret
/// is used, so a rotated secret is picked up without a restart. Neither the value nor the file's content is ever logged.
/// </summary>
public static class SecretSetting
{
    /// <summary>The secret, trimmed; null when neither is set or the file is empty.</summary>
    public static string? Read(string? value, string? file)
    {
        if (!string.IsNullOrWhiteSpace(file)) return File.ReadAllText(file).Trim() is { Length: > 0 } fromFile ? fromFile : null;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>A problem with the setting, or null: the file is named but missing, or neither is set when <paramref name="required"/>.</summary>
    public static string? Problem(string section, string name, string? value, string? file, bool required)
    {
        if (!string.IsNullOrWhiteSpace(file) && !File.Exists(file)) return $"{section}:{name}File names {file}, which does not exist.";
        if (required && string.IsNullOrWhiteSpace(file) && string.IsNullOrWhiteSpace(value)) return $"{section}:{name} (or {section}:{name}File) is required when {section}:Enabled is true.";
        return null;
    }
}
