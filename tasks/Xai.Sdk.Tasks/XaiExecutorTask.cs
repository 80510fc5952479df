using Xai.Diagnostics;
using Xai.Slurm;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Base of the stage tasks whose heavy work may run on Slurm (the vendor stages; the fidelity run of
/// CSim): the XaiExecutor and XaiSlurm* properties, validated into <see cref="ExecutorSettings"/>. They are
/// not in settings.json (not a stage input): switching executors rebuilds nothing.
/// </summary>
public abstract class XaiExecutorTask : XaiProjectTask
{
    /// <summary>XaiExecutor: Local (default) or Slurm.</summary>
    public string Executor { get; set; } = "";

    public string SlurmPartition { get; set; } = "";

    public string SlurmAccount { get; set; } = "";

    public string SlurmTime { get; set; } = "";

    public string SlurmMemory { get; set; } = "";

    public string SlurmCpus { get; set; } = "";

    public string SlurmLicenses { get; set; } = "";

    public string SlurmExtraArgs { get; set; } = "";

    public string SlurmBinDirectory { get; set; } = "";

    /// <summary>The explored configuration this sibling build is (-t:Explore), else empty: part of its jobs' names, so that squeue tells the variants apart.</summary>
    public string ExploreVariant { get; set; } = "";

    /// <summary>XaiSlurmPollSeconds: seconds between reads of a job's state and output (empty: 2).</summary>
    public string SlurmPollSeconds { get; set; } = "";

    /// <summary>The validated settings; null (with the errors reported) when a value is bad.</summary>
    private ExecutorSettings? ParseExecutor()
    {
        var diagnostics = new List<XaiDiagnostic>();
        var settings = ExecutorSettings.Parse(Executor, SlurmPartition, SlurmAccount, SlurmTime, SlurmMemory, SlurmCpus, SlurmLicenses, SlurmExtraArgs, SlurmBinDirectory, SlurmPollSeconds, ProjectFile, diagnostics);
        Report(diagnostics);
        return settings;
    }

    /// <summary>The executor of <paramref name="stage"/>'s runs; null (with XAI5700/XAI5701 reported) when it cannot be had.</summary>
    protected Amd.Toolchain.ToolExecutor? ExecutorFor(string stage)
    {
        var diagnostics = new List<XaiDiagnostic>();
        var executor = ParseExecutor()?.For(Path.GetFileNameWithoutExtension(ProjectFile) + (ExploreVariant.Length > 0 ? "." + ExploreVariant : ""), stage, ProjectFile, diagnostics);
        Report(diagnostics);
        return executor;
    }
}
