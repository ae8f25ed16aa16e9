

namespace Platform.Modules.Dispatch;

/// <summary>
/// Lets at most <see cref="ModuleOptions.MaxUnansweredInteractions"/> interactions run before their first
/// answer; the rest wait their turn in arrival order. Without a bound, a burst the bot cannot keep up
/// with starts every interaction at once: they share the CPU, every one of them answers late, and their
/// growing number slows the garbage collector until the bot never catches up. With it, those admitted
/// finish in time and those that waited too long are dropped unrun. A slot is given back at the first
/// answer, not at the handler's end, so a handler that deferred and went on for minutes (an LLM call)
/// holds none.
/// </summary>
internal sealed class InteractionAdmission(ModuleOptions options)
{
    private readonly SemaphoreSlim slots = new(options.MaxUnansweredInteractions, options.MaxUnansweredInteractions);

    public async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        // The usual case, a free slot, takes it at once and counts nobody as waiting.
        if (!slots.Wait(0))
        {
            ModuleTelemetry.InteractionsWaiting.Add(1);
            try
            {
                await slots.WaitAsync(cancellationToken);
            }
            finally
            {
                ModuleTelemetry.InteractionsWaiting.Add(-1);
            }
        }

        return new Slot(slots);
    }

    /// <summary>Given back once, whichever comes first: the interaction's first answer or its handler's end.</summary>
    public sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
