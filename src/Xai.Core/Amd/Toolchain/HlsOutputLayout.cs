using Xai.Amd.Scripts;

namespace Xai.Amd.Toolchain;

/// <summary>
/// Where Vitis HLS puts each step's main output. Classic flow: <c>&lt;project&gt;/&lt;solution&gt;/...</c>;
/// unified flow: <c>&lt;work_dir&gt;/hls/...</c> (the "solution" folder is always <c>hls</c>).
/// The IP check uses <c>impl/ip/component.xml</c>, present in Vivado HLS 2019.2 and Vitis HLS 2023.1/2024.2
/// alike, rather than <c>export.zip</c>, whose name and place differ between releases and flows.
/// </summary>
/// <param name="SolutionDirectory">Absolute solution folder.</param>
/// <param name="TopFunction">The top function (names the per-top reports).</param>
public sealed record HlsOutputLayout(string SolutionDirectory, string TopFunction)
{
    public static HlsOutputLayout For(HlsFlow flow, string workingDirectory, HlsProjectSpec spec) =>
        new(flow == HlsFlow.Classic
                ? Path.GetFullPath(Path.Combine(workingDirectory, spec.ProjectName, spec.SolutionName))
                : Path.GetFullPath(Path.Combine(workingDirectory, spec.ProjectName, "hls")),
            spec.TopFunction);

    public string CSimLog => Path.Combine(SolutionDirectory, "csim", "report", $"{TopFunction}_csim.log");

    public string CSynthXml => Path.Combine(SolutionDirectory, "syn", "report", "csynth.xml");

    public string CoSimReport => Path.Combine(SolutionDirectory, "sim", "report", $"{TopFunction}_cosim.rpt");

    public string IpComponent => Path.Combine(SolutionDirectory, "impl", "ip", "component.xml");

    public string IpDirectory => Path.Combine(SolutionDirectory, "impl", "ip");

    /// <summary>The outputs a run of <paramref name="steps"/> must leave behind.</summary>
    public IReadOnlyList<string> ExpectedOutputs(HlsSteps steps)
    {
        var outputs = new List<string>();
        if (steps.HasFlag(HlsSteps.CSim))
        {
            outputs.Add(CSimLog);
        }

        if (steps.HasFlag(HlsSteps.CSynth))
        {
            outputs.Add(CSynthXml);
        }

        if (steps.HasFlag(HlsSteps.CoSim))
        {
            outputs.Add(CoSimReport);
        }

        if (steps.HasFlag(HlsSteps.Export))
        {
            outputs.Add(IpComponent);
        }

        return outputs;
    }
}
