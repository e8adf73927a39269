using RevBot.Core.Images;
using RevBot.Core.Replies;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Files;

/// <summary>
/// Shares a reply's stored images (digest charts, <see cref="ReplyImage.Token"/>) in a Slack channel with the current
/// upload flow (files.upload is retired): files.getUploadURLExternal for each file (name, length, alt text), the bytes
/// POSTed to the upload URL Slack returned, then one files.completeUploadExternal with every file id and title and the
/// channel, so the charts arrive as one message. Images whose token is unknown or expired are left out. Scoped (it
/// reads the images through the database context).
/// </summary>
public sealed class SlackFileUploader(SlackApiClient slack, ReplyImageStore images)
{
    /// <returns>The shared files; an empty success when the reply has no stored image.</returns>
    public async Task<SlackApiResult<CompleteUploadResponse>> UploadReplyImagesAsync(Reply reply, string channelId, string? threadTs = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var files = new List<SlackUpload>();
        foreach (var image in reply.Images.Where(i => i.Token is not null))
        {
            if (await images.LoadAsync(image.Token, ct) is { } stored)
                files.Add(new SlackUpload(image.FileName, image.Title, image.AltText, stored.Bytes));
        }
        if (files.Count == 0) return SlackApiResult<CompleteUploadResponse>.Success(new CompleteUploadResponse([]));
        return await UploadAsync(files, channelId, threadTs, ct);
    }

    /// <summary>Uploads the files and shares them together in <paramref name="channelId"/> (in a thread when <paramref name="threadTs"/> is set).</summary>
    public async Task<SlackApiResult<CompleteUploadResponse>> UploadAsync(IReadOnlyList<SlackUpload> files, string channelId, string? threadTs = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        var uploaded = new List<UploadedFile>(files.Count);
        foreach (var file in files)
        {
            var url = await slack.GetUploadUrlAsync(new GetUploadUrlRequest(file.FileName, file.Bytes.Length) { AltTxt = file.AltText }, ct);
            if (!url.Ok) return SlackApiResult<CompleteUploadResponse>.Failure(url.Error);
            if (!Uri.TryCreate(url.Value.UploadUrl, UriKind.Absolute, out var uploadUrl))
                return SlackApiResult<CompleteUploadResponse>.Failure(new SlackApiError("files.getUploadURLExternal", SlackErrorCodes.InvalidResponse));
            var sent = await slack.UploadToUrlAsync(uploadUrl, file.FileName, file.Bytes, ct);
            if (!sent.Ok) return SlackApiResult<CompleteUploadResponse>.Failure(sent.Error);
            uploaded.Add(new UploadedFile(url.Value.FileId) { Title = file.Title });
        }
        return await slack.CompleteUploadAsync(new CompleteUploadRequest(uploaded) { ChannelId = channelId, ThreadTs = threadTs }, ct);
    }
}
