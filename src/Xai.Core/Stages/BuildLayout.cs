namespace Xai.Stages;

/// <summary>Where each stage reads and writes, below the project's intermediate and output directories.</summary>
public sealed record BuildLayout(string IntermediateDirectory, string OutputDirectory)
{
    public string GeneratedDirectory => Path.Combine(IntermediateDirectory, "hls");

    public string NetworkHeader => Path.Combine(GeneratedDirectory, "xai_network.h");

    public string NumericsHeader => Path.Combine(GeneratedDirectory, "xai_numerics.h");

    public string FloatWeights => Path.Combine(IntermediateDirectory, "weights.f32");

    public string ModelSummary => Path.Combine(IntermediateDirectory, "model.json");

    public string CalibrationRanges => Path.Combine(IntermediateDirectory, "calibration.txt");

    public string CalibrationProgram => Path.Combine(IntermediateDirectory, "xai_calibrate");

    public string SimulationProgram => Path.Combine(IntermediateDirectory, "xai_csim");

    public string PlanFile => Path.Combine(OutputDirectory, "plan.json");

    /// <summary>Generate's plan (before calibration), read by Calibrate and Plan instead of the ONNX model.</summary>
    public string NetworkPlanFile => Path.Combine(IntermediateDirectory, "network-plan.json");

    /// <summary>Plan's machine-readable plan, read by every later stage instead of planning again.</summary>
    public string DesignPlanFile => Path.Combine(IntermediateDirectory, "design-plan.json");

    public string CSimResultsFile => Path.Combine(IntermediateDirectory, "csim.json");

    public string ReportJson => Path.Combine(OutputDirectory, "report.json");

    public string ReportHtml => Path.Combine(OutputDirectory, "report.html");

    public string RelevanceDirectory => Path.Combine(OutputDirectory, "relevance");

    public string HeatmapDirectory => Path.Combine(OutputDirectory, "heatmaps");

    public string WeightImage(string profile) => Path.Combine(GeneratedDirectory, $"weights.{profile}.bin");
}
