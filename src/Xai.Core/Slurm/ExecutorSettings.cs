using Xai.Amd.Toolchain;
using Xai.Diagnostics;

namespace Xai.Slurm;

/// <summary>
/// <c>XaiExecutor</c> and, under Slurm, the <c>XaiSlurm*</c> properties, validated. They choose where the
/// vendor stages run their tools, not what the tools make: they are not among the stages' inputs, so
/// switching executors does not rebuild anything.
/// </summary>
/// <param name="Poll">XaiSlurmPollSeconds: how often a job's state and output are read.</param>
/// <param name="FallBackToLocal">XaiExecutor=Auto: when Slurm's commands are missing, run here with warning XAI5704 instead of failing.</param>
public sealed record ExecutorSettings(ExecutorKind Kind, SlurmOptions? Slurm, TimeSpan? Poll = null, bool FallBackToLocal = false)
{
    /// <summary>Validates the raw properties (XAI5701 for each bad value); null when any is bad.</summary>
    public static ExecutorSettings? Parse(
        string executor, string partition, string account, string time, string memory, string cpus, string licenses, string extraArgs, string binDirectory,
        string pollSeconds, string projectFile, List<XaiDiagnostic> diagnostics)
    {
        var value = executor.Trim();
        if (value.Length == 0 || value.Equals("Local", StringComparison.OrdinalIgnoreCase))
        {
            return new ExecutorSettings(ExecutorKind.Local, null);
        }

        var auto = value.Equals("Auto", StringComparison.OrdinalIgnoreCase);
        if (!auto && !value.Equals("Slurm", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(XaiDiagnostic.Error(DiagnosticCatalog.BadSlurmProperty, $"Property 'XaiExecutor' is '{value}'; allowed: Local (this machine), Slurm (sbatch jobs) or Auto (Slurm when sbatch is found, else this machine; the default when an XaiSlurm* property is set).", projectFile));
            return null;
        }

        var slurm = SlurmOptions.Parse(partition, account, time, memory, cpus, licenses, extraArgs, binDirectory, projectFile, diagnostics);
        TimeSpan? poll = null;
        if (pollSeconds.Trim().Length > 0)
        {
            if (double.TryParse(pollSeconds.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0.05 && seconds <= 3600)
            {
                poll = TimeSpan.FromSeconds(seconds);
            }
            else
            {
                diagnostics.Add(XaiDiagnostic.Error(DiagnosticCatalog.BadSlurmProperty, $"Property 'XaiSlurmPollSeconds' is '{pollSeconds.Trim()}'; allowed: seconds from 0.05 to 3600 (empty: 2).", projectFile));
                return null;
            }
        }

        return slurm is null ? null : new ExecutorSettings(ExecutorKind.Slurm, slurm, poll, auto);
    }

    /// <summary>The executor of one stage's runs; XAI5700 in <paramref name="diagnostics"/> (and null) when Slurm's commands are missing.</summary>
    public ToolExecutor? For(string projectName, string stage, string projectFile, List<XaiDiagnostic> diagnostics)
    {
        if (Kind == ExecutorKind.Local)
        {
            return ToolExecutor.Local;
        }

        var commands = new SlurmCommands(Slurm!.BinDirectory);
        if (FallBackToLocal && commands.FirstMissing() is { } absent)
        {
            diagnostics.Add(XaiDiagnostic.Warning(DiagnosticCatalog.SlurmNotFoundRunningLocally,
                $"{stage} runs on this machine: XaiExecutor is Auto (an XaiSlurm* property is set), but {absent} is not {commands.SearchedPlace}. Put Slurm's bin directory on PATH or set XaiSlurmBinDirectory to submit it as a job; XaiExecutor=Slurm makes a missing Slurm an error, XaiExecutor=Local runs here without this warning.",
                projectFile));
            return ToolExecutor.Local;
        }

        var executor = new SlurmToolExecutor(Slurm, projectName, stage, projectFile, Poll);
        if (executor.CheckCommands() is { } missing)
        {
            diagnostics.Add(missing);
            return null;
        }

        return executor;
    }
}
