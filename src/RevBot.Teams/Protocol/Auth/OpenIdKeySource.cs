using Microsoft.IdentityModel.Protocols;

namespace RevBot.Teams.Protocol.Auth;

/// <summary>
/// The signing keys behind one OpenID metadata URL, cached by Microsoft.IdentityModel's <see cref="ConfigurationManager{T}"/>
/// (refreshed automatically every <see cref="KeyCacheSettings.AutomaticRefresh"/>). A token naming an unknown key id
/// forces one refresh; further ones wait <see cref="KeyCacheSettings.MinimumRefreshGap"/>, so forged key ids cannot
/// turn into a flood of metadata requests.
/// </summary>
public sealed class OpenIdKeySource
{
    private readonly ConfigurationManager<SigningKeySet> _manager;
    private readonly KeyCacheSettings _settings;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Task<SigningKeySet>? _refresh;
    private long? _lastRefreshStarted;

    public OpenIdKeySource(string metadataUrl, HttpClient http, TimeProvider time, KeyCacheSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(metadataUrl);
        _settings = settings ?? new KeyCacheSettings();
        _time = time;
        MetadataUrl = metadataUrl;
        var uri = new Uri(metadataUrl);
        var documents = new HttpDocumentRetriever(http) { RequireHttps = !uri.IsLoopback };
        _manager = new ConfigurationManager<SigningKeySet>(metadataUrl, new SigningKeySetRetriever(), documents)
        {
            AutomaticRefreshInterval = _settings.AutomaticRefresh,
            RefreshInterval = _settings.MinimumRefreshGap,
        };
    }

    public string MetadataUrl { get; }

    public Task<SigningKeySet> GetAsync(CancellationToken ct) => _manager.GetConfigurationAsync(ct);

    /// <summary>
    /// Returns the freshest key set after asking for a refresh: callers arriving while one runs share it; within the
    /// minimum gap of the last one, the current set is returned as is.
    /// </summary>
    public async Task<SigningKeySet> RefreshAfterUnknownKeyAsync(SigningKeySet stale, CancellationToken ct)
    {
        Task<SigningKeySet>? refresh;
        lock (_gate)
        {
            if (_refresh is { IsCompleted: false }) refresh = _refresh;
            else if (_lastRefreshStarted is { } last && _time.GetElapsedTime(last) < _settings.MinimumRefreshGap) refresh = null;
            else
            {
                _lastRefreshStarted = _time.GetTimestamp();
                refresh = _refresh = RefreshAsync(stale);
            }
        }
        return refresh is null ? await GetAsync(ct) : await refresh.WaitAsync(ct);
    }

    private async Task<SigningKeySet> RefreshAsync(SigningKeySet stale)
    {
        _manager.RequestRefresh();
        // Microsoft.IdentityModel 8 refreshes on a background thread and keeps serving the old set meanwhile: wait (bounded) for the new one.
        var started = _time.GetTimestamp();
        while (true)
        {
            var current = await _manager.GetConfigurationAsync(CancellationToken.None);
            if (!ReferenceEquals(current, stale) || _time.GetElapsedTime(started) > _settings.RefreshWait) return current;
            await Task.Delay(TimeSpan.FromMilliseconds(25), _time);
        }
    }
}
