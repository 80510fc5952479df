namespace Xai.CodeGeneration;

/// <summary>
/// The folder of the build output that holds everything the board needs besides the .bit and
/// .hwh: the runner (Python, run on the board), its config, the weight images, the C-simulation
/// program (for the runner's csim backend) and the C simulation's reference record.
/// </summary>
public static class BoardRunnerLayout
{
    public const string DirectoryName = "board";

    public const string ScriptName = "xai_runner.py";

    public const string ConfigName = "xai_runner.json";

    /// <summary>Schema of the runner's one-line JSON result; published as schemas/xai-runner-1.schema.json.</summary>
    public const string ResultSchema = "xai-runner/1";

    public const string ConfigSchema = "xai-runner-config/1";

    public const string CSimProgramName = "xai_csim";

    public const string FloatWeightsName = "weights.f32";

    public const string ReferenceInputName = "reference.input.f32";

    /// <summary>Image 0's planned-profile record of <paramref name="method"/> (int32 class, float32 logits, float32 relevance).</summary>
    public static string ReferenceOutputName(string method) => $"reference.{method}.bin";
}
