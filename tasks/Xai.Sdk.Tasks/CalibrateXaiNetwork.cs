using Microsoft.Build.Framework;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage Calibrate: float C simulation over the calibration images, recording value ranges.</summary>
public sealed class CalibrateXaiNetwork : XaiProjectTask
{
    public ITaskItem[]? CalibrationImages { get; set; }

    protected override void ExecuteCore()
    {
        var settings = Settings();
        var model = LoadedModel.Load(settings.ModelPath);
        Yielding(() => CalibrateStage.Run(model, Paths(CalibrationImages), ProjectFile, Layout, Tools, Cancellation));
        Info($"Calibrated on {CalibrationImages?.Length ?? 0} images");
    }
}
