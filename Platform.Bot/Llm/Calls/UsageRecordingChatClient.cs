using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Platform.Data.Llm;
using Platform.Modules;

namespace Platform.Bot.Llm.Calls;

/// <summary>
/// Records every call that reaches the provider: its tokens, cost, timing and outcome, whether it
/// answered, failed, was cancelled, or was a stream the caller stopped reading.
/// </summary>
internal sealed class UsageRecordingChatClient(
    IChatClient inner,
    LlmUsageRecorder recorder,
    CurrentInvocation invocation) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var call = recorder.Start(invocation.Value, options);
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken);
            call.FirstToken();
            call.Answered(response.ModelId, response.ResponseId, response.Usage);
            call.Ended(LlmCallStatus.Ok);
            return response;
        }
        catch (Exception error)
        {
            EndedBy(call, error, cancellationToken);
            throw;
        }
        finally
        {
            call.EstimateUsageIfCancelled(messages, 0);
            await recorder.RecordAsync(call);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = recorder.Start(invocation.Value, options);
        var received = 0;
        UsageDetails? usage = null;
        IAsyncEnumerator<ChatResponseUpdate>? updates = null;
        try
        {
            while (true)
            {
                try
                {
                    // Started inside the try: a provider may fail as the stream starts, not only as it is read.
                    updates ??= base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception error)
                {
                    EndedBy(call, error, cancellationToken);
                    throw;
                }

                var update = updates.Current;
                call.Answered(update.ModelId, update.ResponseId, null);
                if (update.Text is { Length: > 0 } text)
                {
                    call.FirstToken();
                    received += text.Length;
                }

                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                yield return update;
            }

            call.Answered(null, null, usage);
            call.Ended(LlmCallStatus.Ok);
        }
        finally
        {
            if (updates is not null)
            {
                await updates.DisposeAsync();
            }

            // Still unended here: the caller stopped reading, so the call was abandoned mid-stream.
            if (!call.IsEnded)
            {
                call.Ended(LlmCallStatus.Cancelled, "abandoned");
            }

            call.EstimateUsageIfCancelled(messages, received);
            await recorder.RecordAsync(call);
        }
    }

    private static void EndedBy(LlmCall call, Exception error, CancellationToken cancellationToken)
    {
        if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            call.Ended(LlmCallStatus.Cancelled, "cancelled");
        }
        else
        {
            call.Ended(LlmCallStatus.Error, LlmErrorKinds.Of(error));
        }
    }
}
