using System.Diagnostics;
using System.Text;
using Platform.Discord.Models;

namespace Platform.Modules;

/// <summary>
/// Shows text that arrives in pieces (an LLM's answer) as the interaction's reply, edited as it grows
/// but no more often than <see cref="EditInterval"/>, so a long answer spends few of the interaction's
/// webhook requests. Past 2,000 characters the message is closed at a line or word break and the
/// rest goes on in a follow-up, and so on.
/// </summary>
internal sealed class StreamedReply(InteractionResponder responder, CancellationToken cancellationToken)
{
    public static readonly TimeSpan EditInterval = TimeSpan.FromSeconds(1);

    private readonly StringBuilder text = new();
    private long lastEdit = Stopwatch.GetTimestamp();

    // Where the text goes: the interaction's own reply while it is unanswered or deferred, else
    // follow-ups; a follow-up is created by its first showing and edited after that.
    private bool inReply = !responder.HasResponded || responder.IsDeferred;
    private bool replyShown;
    private Message? followup;

    public async Task WriteAsync(IAsyncEnumerable<string> pieces, string whenEmpty)
    {
        await foreach (var piece in pieces.WithCancellation(cancellationToken))
        {
            text.Append(piece);
            while (text.Length > MessageText.MaxLength)
            {
                var cut = BreakBefore(MessageText.MaxLength);
                await ShowAsync(text.ToString(0, cut).TrimEnd());
                text.Remove(0, cut);
                (inReply, followup) = (false, null);
            }

            if (text.Length > 0 && Stopwatch.GetElapsedTime(lastEdit) >= EditInterval)
            {
                await ShowAsync(text.ToString());
            }
        }

        await ShowAsync(text.Length > 0 ? text.ToString() : whenEmpty);
    }

    private async Task ShowAsync(string content)
    {
        if (inReply && !replyShown)
        {
            await responder.RespondAsync(new() { Content = content }, ephemeral: false, cancellationToken);
            replyShown = true;
        }
        else if (inReply)
        {
            await responder.ModifyOriginalAsync(content, cancellationToken);
        }
        else if (followup is { } message)
        {
            await responder.ModifyFollowupAsync(message.Id, content, cancellationToken);
        }
        else
        {
            followup = await responder.FollowupAsync(new MessageContent { Content = content }, cancellationToken);
        }

        lastEdit = Stopwatch.GetTimestamp();
    }

    /// <summary>Where to close a full message: the last line break in its second half, else the last space, else the limit.</summary>
    private int BreakBefore(int limit)
    {
        var full = text.ToString(0, limit);
        var line = full.LastIndexOf('\n');
        if (line >= limit / 2)
        {
            return line + 1;
        }

        var space = full.LastIndexOf(' ');
        return space >= limit / 2 ? space + 1 : limit;
    }
}
