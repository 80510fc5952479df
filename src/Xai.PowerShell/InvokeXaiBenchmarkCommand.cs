using System.Management.Automation;
using Xai.Deployment;

namespace Xai.PowerShell;

/// <summary>
/// Invoke-XaiBenchmark: runs FP only and FP+BP on the installed overlay and returns one result per
/// variant (latency split by phase, images/s, PL clock, BP overhead, bit-exactness against the C
/// simulation). Every result names its backend: csim figures are never board latencies.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "XaiBenchmark", SupportsShouldProcess = true, DefaultParameterSetName = OneMethodSet)]
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
    [Parameter(ParameterSetName = OneMethodSet)]
    [ValidateSet("Saliency", "DeconvNet", "GuidedBackprop", "InputXGradient", "IntegratedGradients", "SmoothGrad", "GradCam", "GuidedGradCam")]
    public string? Method { get; set; }

    /// <summary>
    /// Every method of the build, one after another (results for each): all of them on the csim backend, on fpga
    /// the one the overlay computes (a warning names the others).
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = EveryMethodSet)]
    public SwitchParameter AllMethods { get; set; }

    private const string OneMethodSet = "OneMethod";
    private const string EveryMethodSet = "EveryMethod";

    /// <summary>fpga (a real board) or csim (the build's C simulation on the board's CPU); by default csim on a stand-in, fpga otherwise.</summary>
    [Parameter]
    [ValidateSet("fpga", "csim")]
    public string? Backend { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            ClosedSessions.RequireOpen(Session);
            var what = AllMethods ? "for every method of the build" : Method is null ? "" : $"with {Method}";
            if (!ShouldProcess($"{Session.Board.Id} at {Session.Endpoint}", $"Run {Warmup} + {Iterations} FP and FP+BP iterations {what}".TrimEnd()))
            {
                return;
            }

            var options = new BenchmarkOptions(Iterations, Warmup, Method, Backend);
            if (AllMethods)
            {
                var every = PipelineThreadWork.Run(this, $"Invoke-XaiBenchmark on {Session.Board.Id}", progress => BoardRunner.BenchmarkEveryMethod(Session, options, progress, Cancellation));
                if (every.NotOnOverlay.Count > 0)
                {
                    WriteWarning($"Not benchmarked on the PL: {string.Join(", ", every.NotOnOverlay)} (the overlay computes only its first method; use -Backend csim for them).");
                }

                WriteObject(every.Results, enumerateCollection: true);
                return;
            }

            var results = PipelineThreadWork.Run(this, $"Invoke-XaiBenchmark on {Session.Board.Id}", _ => BoardRunner.Benchmark(Session, options, Cancellation));
            WriteObject(results, enumerateCollection: true);
        }
        catch (Exception e) when (IsReportable(e))
        {
            WriteXaiError(e, Session?.Endpoint.ToString());
        }
    }
}
