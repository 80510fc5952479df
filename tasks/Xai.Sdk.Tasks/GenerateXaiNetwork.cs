using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage Generate: ONNX → blocks → xai_network.h and the float weight image.</summary>
public sealed class GenerateXaiNetwork : XaiProjectTask
{
    protected override void ExecuteCore()
    {
        var plan = GenerateStage.Run(Settings(), Layout);
        Info($"{Path.GetFileName(Model)}: {plan.Layers.Count} blocks, {plan.ParameterCount:N0} parameters, {plan.ForwardMacs / 1e6:F2} M MACs per forward pass");
    }
}
