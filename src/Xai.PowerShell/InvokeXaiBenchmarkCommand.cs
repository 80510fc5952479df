using System.Management.Automation;
using Xai.Deployment;

namespace Xai.PowerShell;

/// <summary>
/// Invoke-XaiBenchmark: runs FP only and FP+BP on the installed overlay and returns one result per
/// variant (latency split by phase, images/s, PL clock, BP overhead, bit-exactness against the C
/// simulation). Every result names its backend: csim figures are never board latencies.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "XaiBenchmark", SupportsShouldProcess = true)]
[OutputType(typeof(BenchmarkResult))]
public sealed class InvokeXaiBenchmarkCommand : XaiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public BoardSession Session { get; set; } = null!;

    [Parameter]
    [ValidateRange(1, 1_000_000)]
    public int Iterations { get; set; } = 100;

    [Parameter]
    [ValidateRange(0, 1_000_000)]
    public int Warmup { get; set; } = 10;

    /// <summary>Attribution method; the one the hardware was built for by default.</summary>
    [Parameter]
    [ValidateSet("Saliency", "DeconvNet", "GuidedBackprop", "InputXGradient", "IntegratedGradients", "SmoothGrad", "GradCam", "GuidedGradCam")]
    public string? Method { get; set; }

    /// <summary>fpga (a real board) or csim (the build's C simulation on the board's CPU); by default csim on a stand-in, fpga otherwise.</summary>
    [Parameter]
    [ValidateSet("fpga", "csim")]
    public string? Backend { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            ClosedSessions.RequireOpen(Session);
            if (!ShouldProcess($"{Session.Board.Id} at {Session.Endpoint}", $"Run {Warmup} + {Iterations} FP and FP+BP iterations"))
            {
                return;
            }

            var options = new BenchmarkOptions(Iterations, Warmup, Method, Backend);
            var results = PipelineThreadWork.Run(this, $"Invoke-XaiBenchmark on {Session.Board.Id}", _ => BoardRunner.Benchmark(Session, options, Cancellation));
            WriteObject(results, enumerateCollection: true);
        }
        catch (Exception e) when (IsReportable(e))
        {
            WriteXaiError(e, Session?.Endpoint.ToString());
        }
    }
}
