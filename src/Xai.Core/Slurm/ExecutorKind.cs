namespace Xai.Slurm;

/// <summary>Where the vendor stages run their tools (<c>XaiExecutor</c>).</summary>
public enum ExecutorKind
{
    /// <summary>On the machine that runs the build (the default).</summary>
    Local,

    /// <summary>As Slurm batch jobs (<c>sbatch</c>), on the cluster's nodes, through the shared file system.</summary>
    Slurm,
}
