using Microsoft.Build.Framework;
using Xai.Planning;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage Calibrate: float C simulation over the calibration images, recording value ranges.</summary>
public sealed class XaiCalibrateTask : XaiProjectTask
{
    public ITaskItem[]? CalibrationImages { get; set; }

    protected override void ExecuteCore()
    {
        var network = DesignPlanFile.Load(Layout.NetworkPlanFile, Layout.FloatWeights);
        Yielding(() => CalibrateStage.Run(network, Paths(CalibrationImages), ProjectFile, Layout, Tools, Cancellation));
        Info($"Calibrated on {CalibrationImages?.Length ?? 0} images");
    }
}
