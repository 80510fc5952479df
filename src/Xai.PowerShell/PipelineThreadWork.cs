using System.Collections.Concurrent;
using System.Management.Automation;
using Xai.Deployment;

namespace Xai.PowerShell;

/// <summary>
/// Runs a long core operation off the pipeline thread and relays its progress onto it: PowerShell
/// allows WriteProgress only from the cmdlet's own thread, and the pipeline thread stays free to
/// show an elapsed-time bar for operations that report nothing (a benchmark).
/// </summary>
internal static class PipelineThreadWork
{
    public static T Run<T>(Cmdlet cmdlet, string activity, Func<IProgress<DeploymentProgress>, T> work)
    {
        var updates = new BlockingCollection<DeploymentProgress>();
        var task = Task.Run(() =>
        {
            try
            {
                return work(new Relay(updates));
            }
            finally
            {
                updates.CompleteAdding();
            }
        });

        var started = DateTime.UtcNow;
        var last = new DeploymentProgress(activity, "starting", 0);
        while (!updates.IsCompleted)
        {
            if (updates.TryTake(out var update, TimeSpan.FromMilliseconds(500)))
            {
                last = update;
            }

            var elapsed = (int)(DateTime.UtcNow - started).TotalSeconds;
            cmdlet.WriteProgress(new ProgressRecord(1, last.Activity, $"{last.Status} ({elapsed} s)") { PercentComplete = Math.Clamp(last.PercentComplete, 0, 100) });
        }

        cmdlet.WriteProgress(new ProgressRecord(1, activity, "done") { RecordType = ProgressRecordType.Completed });
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            throw e.InnerExceptions[0];
        }
    }

    private sealed class Relay(BlockingCollection<DeploymentProgress> updates) : IProgress<DeploymentProgress>
    {
        public void Report(DeploymentProgress value)
        {
            if (!updates.IsAddingCompleted)
            {
                updates.Add(value);
            }
        }
    }
}
