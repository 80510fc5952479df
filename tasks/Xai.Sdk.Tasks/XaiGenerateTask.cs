using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage Generate: ONNX → blocks → xai_network.h, the float weight image and the plan before calibration.</summary>
public sealed class XaiGenerateTask : XaiProjectTask
{
    protected override void ExecuteCore()
    {
        var plan = GenerateStage.Run(Settings, Layout, Info);
        if (plan.PackDenseWeights && Xai.Planning.DenseWeightBeat.NarrowerThanThePort(plan.Layers, plan.SlavePortBits, plan.FcTile, Settings.ProjectFile) is { } narrower)
        {
            Report(narrower);
        }
        Info($"{Path.GetFileName(Settings.ModelPath)}: {plan.Layers.Count} blocks, {plan.ParameterCount:N0} parameters, {plan.ForwardMacs / 1e6:F2} M MACs per forward pass");
    }
}
