using Xai.Attribution;
using Xai.Diagnostics;

namespace Xai.Simulation;

/// <summary>
/// Runs the compiled C-simulation program (<c>xai_csim run</c>) on a batch of input tensors and
/// reads back every image × profile × method output.
/// </summary>
public static class CSimProgram
{
    /// <param name="program">The compiled simulation program.</param>
    /// <param name="floatWeights">The float weight image.</param>
    /// <param name="fileStem">Names the scratch input and output files in <paramref name="workDirectory"/>.</param>
    /// <param name="target">Class to explain, or -1 for each profile's prediction.</param>
    /// <param name="sameClass">Fixed-point profiles explain the class float predicted.</param>
    public static Dictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> Run(
        string program,
        string floatWeights,
        IReadOnlyList<float[]> inputs,
        int target,
        bool sameClass,
        string workDirectory,
        string fileStem,
        IReadOnlyList<AttributionMethod> methods,
        int classes,
        CancellationToken cancel)
    {
        var inputFile = Path.Combine(workDirectory, $"{fileStem}-inputs.f32");
        var outputFile = Path.Combine(workDirectory, $"{fileStem}-outputs.bin");
        CSimResults.WriteFloats(inputFile, inputs);
        var arguments = new List<string> { "run", floatWeights, inputFile, $"{inputs.Count}", $"{target}", outputFile };
        if (sameClass)
        {
            arguments.Add("same-class");
        }

        var run = ProcessRunner.Run(program, arguments, workDirectory, cancel)
            ?? throw new XaiException(DiagnosticCatalog.SimulationFailed, "The C-simulation program could not be started.", program);
        if (run.ExitCode != 0)
        {
            throw new XaiException(DiagnosticCatalog.SimulationFailed, $"C simulation failed (exit {run.ExitCode}): {run.StandardError.Trim()}", program);
        }

        return CSimResults.Read(outputFile, inputs.Count, methods, classes, inputs.Count == 0 ? 0 : inputs[0].Length);
    }
}
