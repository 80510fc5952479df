using Xai.Attribution;
using Xai.Diagnostics;

namespace Xai.Simulation;

/// <summary>
/// Runs the compiled C-simulation program (<c>xai_csim run</c>) on a batch of input tensors and
/// reads back every image × profile × method output.
/// </summary>
public static class CSimProgram
{
    /// <summary>A prepared run: its inputs are written; <see cref="Arguments"/> runs it, <see cref="Read"/> reads what it wrote.</summary>
    public sealed record Batch(string Program, IReadOnlyList<string> Arguments, string WorkDirectory, string OutputFile, int Images, int InputSize)
    {
        public Dictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> Read(IReadOnlyList<AttributionMethod> methods, int classes) =>
            CSimResults.Read(OutputFile, Images, methods, classes, InputSize);
    }

    /// <summary>Writes the inputs of a run and returns its command line (for <see cref="Run"/>, or a Slurm array task).</summary>
    /// <param name="fileStem">Names the scratch input and output files in <paramref name="workDirectory"/>.</param>
    public static Batch Prepare(string program, string floatWeights, IReadOnlyList<float[]> inputs, int target, bool sameClass, string workDirectory, string fileStem)
    {
        var inputFile = Path.Combine(workDirectory, $"{fileStem}-inputs.f32");
        var outputFile = Path.Combine(workDirectory, $"{fileStem}-outputs.bin");
        CSimResults.WriteFloats(inputFile, inputs);
        var arguments = new List<string> { "run", floatWeights, inputFile, $"{inputs.Count}", $"{target}", outputFile };
        if (sameClass)
        {
            arguments.Add("same-class");
        }

        return new Batch(program, arguments, workDirectory, outputFile, inputs.Count, inputs.Count == 0 ? 0 : inputs[0].Length);
    }

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
        var batch = Prepare(program, floatWeights, inputs, target, sameClass, workDirectory, fileStem);
        var run = ProcessRunner.Run(program, batch.Arguments.ToList(), workDirectory, cancel)
            ?? throw new XaiException(DiagnosticCatalog.SimulationFailed, "The C-simulation program could not be started.", program);
        if (run.ExitCode != 0)
        {
            throw new XaiException(DiagnosticCatalog.SimulationFailed, $"C simulation failed (exit {run.ExitCode}): {run.StandardError.Trim()}", program);
        }

        return batch.Read(methods, classes);
    }
}
