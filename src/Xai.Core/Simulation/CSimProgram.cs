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
    /// <param name="LayerMapFile">Where the run writes Grad-CAM's maps at their block's resolution (<c>layer-maps</c>); null: not asked for.</param>
    /// <param name="RoundedInput">The run also writes <see cref="NumericsProfile.FloatRoundedInput"/>.</param>
    public sealed record Batch(string Program, IReadOnlyList<string> Arguments, string WorkDirectory, string OutputFile, int Images, int InputSize, string? LayerMapFile = null, bool RoundedInput = false)
    {
        public Dictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> Read(IReadOnlyList<AttributionMethod> methods, int classes) =>
            CSimResults.Read(OutputFile, Images, methods, classes, InputSize, RoundedInput);

        /// <summary>Grad-CAM's map of every image and profile at its block's resolution (<paramref name="pixels"/> values each).</summary>
        public Dictionary<(int Image, NumericsProfile Profile), float[]> ReadLayerMaps(int pixels) =>
            CSimResults.ReadLayerMaps(LayerMapFile ?? throw new InvalidOperationException("The batch was prepared without layer maps."), Images, pixels, RoundedInput);
    }

    /// <summary>Writes the inputs of a run and returns its command line (for <see cref="Run"/>, or a Slurm array task).</summary>
    /// <param name="fileStem">Names the scratch input and output files in <paramref name="workDirectory"/>.</param>
    /// <param name="layerMaps">Also write Grad-CAM's maps at their block's resolution (the build must have GradCam).</param>
    /// <param name="roundedInput">Also run float on each image as the planned formats store it (<see cref="NumericsProfile.FloatRoundedInput"/>).</param>
    public static Batch Prepare(string program, string floatWeights, IReadOnlyList<float[]> inputs, int target, bool sameClass, string workDirectory, string fileStem, bool layerMaps = false, bool roundedInput = false)
    {
        var inputFile = Path.Combine(workDirectory, $"{fileStem}-inputs.f32");
        var outputFile = Path.Combine(workDirectory, $"{fileStem}-outputs.bin");
        var mapFile = layerMaps ? Path.Combine(workDirectory, $"{fileStem}-layermaps.f32") : null;
        CSimResults.WriteFloats(inputFile, inputs);
        var arguments = new List<string> { "run", floatWeights, inputFile, $"{inputs.Count}", $"{target}", outputFile };
        if (sameClass)
        {
            arguments.Add("same-class");
        }

        if (mapFile is not null)
        {
            arguments.AddRange(["layer-maps", mapFile]);
        }

        if (roundedInput)
        {
            arguments.Add("rounded-input");
        }

        return new Batch(program, arguments, workDirectory, outputFile, inputs.Count, inputs.Count == 0 ? 0 : inputs[0].Length, mapFile, roundedInput);
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
        return RunBatch(batch, methods, classes, cancel).Outputs;
    }

    /// <summary>A finished run: every output, and the wall time each method's planned-profile runs took in all.</summary>
    public sealed record Outcome(
        Dictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> Outputs,
        IReadOnlyDictionary<AttributionMethod, double> PlannedSeconds);

    /// <summary>Runs a prepared batch here and reads its outputs and the per-method times it printed.</summary>
    public static Outcome RunBatch(Batch batch, IReadOnlyList<AttributionMethod> methods, int classes, CancellationToken cancel)
    {
        var run = ProcessRunner.Run(batch.Program, batch.Arguments.ToList(), batch.WorkDirectory, cancel)
            ?? throw new XaiException(DiagnosticCatalog.SimulationFailed, "The C-simulation program could not be started.", batch.Program);
        if (run.ExitCode != 0)
        {
            throw new XaiException(DiagnosticCatalog.SimulationFailed, $"C simulation failed (exit {run.ExitCode}): {run.StandardError.Trim()}", batch.Program);
        }

        var seconds = new Dictionary<AttributionMethod, double>();
        foreach (var line in run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            if (parts is ["planned_seconds", var name, var value] && Enum.TryParse<AttributionMethod>(name, out var method) &&
                double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s))
            {
                seconds[method] = s;
            }
        }

        return new Outcome(batch.Read(methods, classes), seconds);
    }

    /// <summary>
    /// The forward pass alone (<c>xai_csim forward</c>): input i through the planned formats of the method at
    /// <paramref name="methodIndices"/>[i] in the plan's method list. Returns each input's logits in real units.
    /// </summary>
    public static float[][] Forward(
        string program, string floatWeights, IReadOnlyList<float[]> inputs, IReadOnlyList<int> methodIndices, string workDirectory, string fileStem, int classes, CancellationToken cancel)
    {
        var inputFile = Path.Combine(workDirectory, $"{fileStem}-inputs.f32");
        var methodFile = Path.Combine(workDirectory, $"{fileStem}-methods.i32");
        var outputFile = Path.Combine(workDirectory, $"{fileStem}-logits.bin");
        try
        {
            CSimResults.WriteFloats(inputFile, inputs);
            var indices = new byte[4 * methodIndices.Count];
            for (var i = 0; i < methodIndices.Count; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(indices.AsSpan(4 * i), methodIndices[i]);
            }

            IO.AtomicFile.WriteAllBytes(methodFile, indices);
            var run = ProcessRunner.Run(program, ["forward", floatWeights, inputFile, $"{inputs.Count}", methodFile, outputFile], workDirectory, cancel)
                ?? throw new XaiException(DiagnosticCatalog.SimulationFailed, "The C-simulation program could not be started.", program);
            if (run.ExitCode != 0)
            {
                throw new XaiException(DiagnosticCatalog.SimulationFailed, $"C simulation (forward) failed (exit {run.ExitCode}): {run.StandardError.Trim()}", program);
            }

            var bytes = File.ReadAllBytes(outputFile);
            if (bytes.Length != 4L * classes * inputs.Count)
            {
                throw new XaiException(DiagnosticCatalog.SimulationOutputSize, $"C simulation wrote {bytes.Length} bytes of logits; {4L * classes * inputs.Count} were expected for {inputs.Count} inputs.", outputFile);
            }

            var logits = new float[inputs.Count][];
            for (var i = 0; i < inputs.Count; i++)
            {
                logits[i] = new float[classes];
                for (var c = 0; c < classes; c++)
                {
                    logits[i][c] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * (i * classes + c)));
                }
            }

            return logits;
        }
        finally
        {
            // Scratch, one set per batch: kept, the curves of a large project would fill obj/ with copies of its images.
            foreach (var file in new[] { inputFile, methodFile, outputFile })
            {
                File.Delete(file);
            }
        }
    }
}
