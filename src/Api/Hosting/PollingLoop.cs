namespace LowCode.Api.Hosting;

/// <summary>
/// Runs a polling pass, then the next one at once while passes find work, and otherwise after the interval: a backlog
/// (a burst of timers falling due together, say) drains at the speed the node can fire them, not one batch per
/// interval, and an idle node still polls only once per interval.
/// </summary>
internal static class PollingLoop
{
    /// <param name="pass">One pass; returns how many rows it worked on.</param>
    /// <param name="wait">The wait after a pass that found nothing (the interval, on the injected clock).</param>
    /// <param name="failed">Told of a pass that threw; the loop waits and tries again.</param>
    /// <param name="stoppingToken">Ends the loop.</param>
    public static async Task RunAsync(Func<CancellationToken, Task<int>> pass, Func<CancellationToken, Task> wait, Action<Exception> failed, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await pass(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database that is briefly away must not stop the poller; the next pass tries again.
                failed(ex);
            }

            if (worked > 0)
            {
                continue;
            }

            try
            {
                await wait(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
