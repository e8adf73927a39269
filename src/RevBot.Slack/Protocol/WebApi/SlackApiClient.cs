using Microsoft.Extensions.Options;

namespace RevBot.Slack.Protocol.WebApi;

/// <summary>
/// The Slack Web API methods RevBot uses, typed. Sends the bot token as a Bearer header (the app token for
/// apps.connections.open), paces chat.postMessage per channel, and returns Slack's errors as
/// <see cref="SlackApiResult{T}"/> instead of throwing. A singleton: it asks the factory for a client per call.
/// </summary>
public sealed class SlackApiClient
{
    private readonly SlackOptions _options;
    private readonly SlackHttpSender _sender;
    private readonly SlackChannelPacer _pacer;

    internal SlackApiClient(IOptions<SlackOptions> options, SlackHttpSender sender, SlackChannelPacer pacer)
    {
        _options = options.Value;
        _sender = sender;
        _pacer = pacer;
    }

    public async Task<SlackApiResult<SlackMessageRef>> PostMessageAsync(PostMessageRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _pacer.WaitTurnAsync(request.Channel, ct);
        return await CallAsync<PostMessageRequest, SlackMessageRef>(SlackMethod.ChatPostMessage, request, ct);
    }

    public Task<SlackApiResult<SlackMessageRef>> UpdateMessageAsync(UpdateMessageRequest request, CancellationToken ct = default) =>
        CallAsync<UpdateMessageRequest, SlackMessageRef>(SlackMethod.ChatUpdate, request, ct);

    public Task<SlackApiResult<PostEphemeralResponse>> PostEphemeralAsync(PostEphemeralRequest request, CancellationToken ct = default) =>
        CallAsync<PostEphemeralRequest, PostEphemeralResponse>(SlackMethod.ChatPostEphemeral, request, ct);

    public Task<SlackApiResult<SlackMessageRef>> DeleteMessageAsync(DeleteMessageRequest request, CancellationToken ct = default) =>
        CallAsync<DeleteMessageRequest, SlackMessageRef>(SlackMethod.ChatDelete, request, ct);

    public Task<SlackApiResult<ViewResponse>> OpenViewAsync(OpenViewRequest request, CancellationToken ct = default) =>
        CallAsync<OpenViewRequest, ViewResponse>(SlackMethod.ViewsOpen, request, ct);

    public Task<SlackApiResult<ViewResponse>> UpdateViewAsync(UpdateViewRequest request, CancellationToken ct = default) =>
        CallAsync<UpdateViewRequest, ViewResponse>(SlackMethod.ViewsUpdate, request, ct);

    public Task<SlackApiResult<ViewResponse>> PublishViewAsync(PublishViewRequest request, CancellationToken ct = default) =>
        CallAsync<PublishViewRequest, ViewResponse>(SlackMethod.ViewsPublish, request, ct);

    public Task<SlackApiResult<ConversationResponse>> OpenConversationAsync(OpenConversationRequest request, CancellationToken ct = default) =>
        CallAsync<OpenConversationRequest, ConversationResponse>(SlackMethod.ConversationsOpen, request, ct);

    public Task<SlackApiResult<ConversationResponse>> ConversationInfoAsync(ConversationInfoRequest request, CancellationToken ct = default) =>
        CallAsync<ConversationInfoRequest, ConversationResponse>(SlackMethod.ConversationsInfo, request, ct);

    public Task<SlackApiResult<UserResponse>> UserInfoAsync(UserInfoRequest request, CancellationToken ct = default) =>
        CallAsync<UserInfoRequest, UserResponse>(SlackMethod.UsersInfo, request, ct);

    public Task<SlackApiResult<UserResponse>> LookupUserByEmailAsync(LookupByEmailRequest request, CancellationToken ct = default) =>
        CallAsync<LookupByEmailRequest, UserResponse>(SlackMethod.UsersLookupByEmail, request, ct);

    public Task<SlackApiResult<AuthTestResponse>> AuthTestAsync(CancellationToken ct = default) =>
        CallAsync<NoArguments, AuthTestResponse>(SlackMethod.AuthTest, NoArguments.Instance, ct);

    public Task<SlackApiResult<GetUploadUrlResponse>> GetUploadUrlAsync(GetUploadUrlRequest request, CancellationToken ct = default) =>
        CallAsync<GetUploadUrlRequest, GetUploadUrlResponse>(SlackMethod.FilesGetUploadUrlExternal, request, ct);

    public Task<SlackApiResult<CompleteUploadResponse>> CompleteUploadAsync(CompleteUploadRequest request, CancellationToken ct = default) =>
        CallAsync<CompleteUploadRequest, CompleteUploadResponse>(SlackMethod.FilesCompleteUploadExternal, request, ct);

    /// <summary>Socket Mode's WebSocket URL, with the app-level token.</summary>
    public Task<SlackApiResult<OpenConnectionResponse>> OpenSocketConnectionAsync(CancellationToken ct = default) =>
        CallAsync<NoArguments, OpenConnectionResponse>(SlackMethod.AppsConnectionsOpen, NoArguments.Instance, ct);

    /// <summary>Step 2 of an upload: the bytes, to the URL step 1 returned. The URL carries its own authorization.</summary>
    public async Task<SlackApiResult<SlackAccepted>> UploadToUrlAsync(Uri uploadUrl, string filename, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        if (ExternalUrlProblem(uploadUrl, "upload") is { } problem) return SlackApiResult<SlackAccepted>.Failure(problem);
        var (response, error) = await _sender.SendAsync("files.upload_url", uploadUrl, SlackRequestContent.Upload(filename, data), null, safeToRetry: true, ct);
        using (response) return error is null ? await SlackResponseReader.ReadPlainAsync("files.upload_url", response!, ct) : SlackApiResult<SlackAccepted>.Failure(error);
    }

    /// <summary>Uploads a file and shares it in a channel: getUploadURLExternal, the upload, completeUploadExternal.</summary>
    public async Task<SlackApiResult<CompleteUploadResponse>> UploadFileAsync(string filename, ReadOnlyMemory<byte> data, string channelId, string? title = null, string? initialComment = null, CancellationToken ct = default)
    {
        var url = await GetUploadUrlAsync(new GetUploadUrlRequest(filename, data.Length), ct);
        if (!url.Ok) return SlackApiResult<CompleteUploadResponse>.Failure(url.Error);
        var upload = await UploadToUrlAsync(new Uri(url.Value.UploadUrl), filename, data, ct);
        if (!upload.Ok) return SlackApiResult<CompleteUploadResponse>.Failure(upload.Error);
        var files = new[] { new UploadedFile(url.Value.FileId) { Title = title ?? filename } };
        return await CompleteUploadAsync(new CompleteUploadRequest(files) { ChannelId = channelId, InitialComment = initialComment }, ct);
    }

    /// <summary>Replies through an interaction's response_url (no token: the URL is the credential). Not repeated on 5xx.</summary>
    public async Task<SlackApiResult<SlackAccepted>> RespondAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken ct = default)
    {
        if (ExternalUrlProblem(responseUrl, "response_url") is { } problem) return SlackApiResult<SlackAccepted>.Failure(problem);
        var (response, error) = await _sender.SendAsync("response_url", responseUrl, SlackRequestContent.For(message, json: true), null, safeToRetry: false, ct);
        using (response) return error is null ? await SlackResponseReader.ReadPlainAsync("response_url", response!, ct) : SlackApiResult<SlackAccepted>.Failure(error);
    }

    private async Task<SlackApiResult<TResponse>> CallAsync<TRequest, TResponse>(SlackMethod method, TRequest request, CancellationToken ct) where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = method.UsesAppToken ? _options.AppToken : _options.BotToken;
        if (string.IsNullOrEmpty(token)) return SlackApiResult<TResponse>.Failure(new SlackApiError(method.Name, SlackErrorCodes.NotConfigured));
        var url = new Uri(_options.ApiBaseUri, method.Name);
        var (response, error) = await _sender.SendAsync(method.Name, url, SlackRequestContent.For(request, method.Json), token, method.SafeToRetry, ct);
        using (response) return error is null ? await SlackResponseReader.ReadAsync<TResponse>(method.Name, response!, ct) : SlackApiResult<TResponse>.Failure(error);
    }

    /// <summary>URLs handed out by Slack are still checked: https only (plain http just for this machine, as in tests).</summary>
    private static SlackApiError? ExternalUrlProblem(Uri url, string what)
    {
        ArgumentNullException.ThrowIfNull(url);
        return SlackOptions.UrlProblem(url.OriginalString) is null ? null : new SlackApiError(what, SlackErrorCodes.InvalidResponse);
    }

    private sealed record NoArguments
    {
        public static NoArguments Instance { get; } = new();
    }
}
