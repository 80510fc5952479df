namespace Xai.Stages;

/// <summary>
/// Where each stage reads and writes, below the project's intermediate and output directories.
/// The results a user reads (plan.json, relevance/, heatmaps/, report.json, report.html) are
/// assembled by the stages in <see cref="ResultsDirectory"/> and reach <see cref="OutputDirectory"/>
/// only through the publish step, as one unit (<see cref="PublishStage"/>).
/// </summary>
public sealed record BuildLayout(string IntermediateDirectory, string OutputDirectory)
{
    /// <summary>The results of the build in progress, as the stages write them; never read by users.</summary>
    public string ResultsDirectory => Path.Combine(IntermediateDirectory, "results");

    public string GeneratedDirectory => Path.Combine(IntermediateDirectory, "hls");

    public string NetworkHeader => Path.Combine(GeneratedDirectory, "xai_network.h");

    public string NumericsHeader => Path.Combine(GeneratedDirectory, "xai_numerics.h");

    public string FloatWeights => Path.Combine(IntermediateDirectory, "weights.f32");

    public string ModelSummary => Path.Combine(IntermediateDirectory, "model.json");

    public string CalibrationRanges => Path.Combine(IntermediateDirectory, "calibration.txt");

    public string CalibrationProgram => Path.Combine(IntermediateDirectory, "xai_calibrate");

    public string SimulationProgram => Path.Combine(IntermediateDirectory, "xai_csim");

    public string PlanFile => Path.Combine(ResultsDirectory, "plan.json");

    /// <summary>Generate's plan (before calibration), read by Calibrate and Plan instead of the ONNX model.</summary>
    public string NetworkPlanFile => Path.Combine(IntermediateDirectory, "network-plan.json");

    /// <summary>Plan's machine-readable plan, read by every later stage instead of planning again.</summary>
    public string DesignPlanFile => Path.Combine(IntermediateDirectory, "design-plan.json");

    public string CSimResultsFile => Path.Combine(IntermediateDirectory, "csim.json");

    /// <summary>The design-space exploration (-t:Explore) as report.json's explore section.</summary>
    public string ExploreJson => Path.Combine(IntermediateDirectory, "explore.json");

    /// <summary>The last -t:SanityCheck's results (the report shows them while they are newer than csim.json).</summary>
    public string SanityCheckJson => Path.Combine(IntermediateDirectory, "sanity.json");

    /// <summary>Every modelled configuration of the exploration, one row each.</summary>
    public string ExploreCsv => Path.Combine(ResultsDirectory, "explore.csv");

    public string ReportJson => Path.Combine(ResultsDirectory, "report.json");

    public string ReportHtml => Path.Combine(ResultsDirectory, "report.html");

    public string RelevanceDirectory => Path.Combine(ResultsDirectory, "relevance");

    public string HeatmapDirectory => Path.Combine(ResultsDirectory, "heatmaps");

    /// <summary>The board-side runner folder (CodeGeneration.BoardRunnerLayout), published as the output's board/.</summary>
    public string BoardDirectory => Path.Combine(ResultsDirectory, "board");

    public string WeightImage(string profile) => Path.Combine(GeneratedDirectory, $"weights.{profile}.bin");
}
