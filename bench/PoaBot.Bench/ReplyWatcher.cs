using System.Collections.Concurrent;
using System.Threading.Channels;
using PoaBot.FakeTelegram;

namespace PoaBot.Bench;

/// <summary>
/// Hands every message the fake server records to the simulated person of its chat. One watcher for everyone, so
/// hundreds of waiting people do not each rescan the fake's message list on every change.
/// </summary>
internal sealed class ReplyWatcher : IAsyncDisposable
{
    private readonly FakeBotApi fake;
    private readonly ConcurrentDictionary<long, Channel<SentMessage>> chats = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int cursor;

    public ReplyWatcher(FakeBotApi fake)
    {
        this.fake = fake;
        cursor = fake.MessageCount;
        loop = Task.Run(RunAsync);
    }

    /// <summary>The messages to <paramref name="chatId"/> from now on, in order.</summary>
    public ChannelReader<SentMessage> Watch(long chatId) =>
        chats.GetOrAdd(chatId, _ => Channel.CreateUnbounded<SentMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true })).Reader;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            // Taken before the count is read, so a message recorded in between still wakes the loop.
            var changed = fake.Changed;
            if (fake.MessageCount > cursor)
            {
                var all = fake.Messages;
                for (; cursor < all.Count; cursor++)
                {
                    if (chats.TryGetValue(all[cursor].ChatId, out var chat))
                    {
                        chat.Writer.TryWrite(all[cursor]);
                    }
                }
            }
            else
            {
                try
                {
                    await changed.WaitAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
