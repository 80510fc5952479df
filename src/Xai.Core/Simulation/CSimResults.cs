using System.Buffers.Binary;
using Xai.Attribution;
using Xai.Diagnostics;

namespace Xai.Simulation;

/// <summary>Which number formats an output was computed with.</summary>
public enum NumericsProfile
{
    Float,
    Planned,
    Paper,

    /// <summary>
    /// Float on the image as the planned formats store it (each value rounded to the input format), explaining the
    /// class the fixed-point profiles explain: how far the network's own map moves under that one rounding.
    /// Only a run asked for it (<c>rounded-input</c>) writes it.
    /// </summary>
    FloatRoundedInput,
}

/// <summary>One image's output under one profile and method.</summary>
public sealed record CSimOutput(int Class, float[] Logits, float[] Relevance);

/// <summary>Reads the binary file the C-simulation program writes (layout in xai_csim_main.cpp).</summary>
public static class CSimResults
{
    /// <summary>The profiles a run writes per image, in order: float, planned, paper and, when asked for, the rounded input's float.</summary>
    public static IReadOnlyList<NumericsProfile> Written(bool roundedInput) => roundedInput
        ? [NumericsProfile.Float, NumericsProfile.Planned, NumericsProfile.Paper, NumericsProfile.FloatRoundedInput]
        : [NumericsProfile.Float, NumericsProfile.Planned, NumericsProfile.Paper];

    /// <param name="roundedInput">The run was asked for <see cref="NumericsProfile.FloatRoundedInput"/> (<c>rounded-input</c>).</param>
    public static Dictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> Read(
        string path, int images, IReadOnlyList<AttributionMethod> methods, int classes, int inputSize, bool roundedInput = false)
    {
        var bytes = File.ReadAllBytes(path);
        var record = 4 + 4 * classes + 4 * inputSize;
        var profiles = Written(roundedInput);
        var expected = (long)images * profiles.Count * methods.Count * record;
        if (bytes.Length != expected)
        {
            throw new XaiException(DiagnosticCatalog.SimulationOutputSize, $"C simulation wrote {bytes.Length} bytes; {expected} were expected for {images} images.", path);
        }

        var results = new Dictionary<(int, NumericsProfile, AttributionMethod), CSimOutput>();
        var offset = 0;
        for (var k = 0; k < images; k++)
        {
            foreach (var profile in profiles)
            {
                foreach (var method in methods)
                {
                    var span = bytes.AsSpan(offset, record);
                    var cls = BinaryPrimitives.ReadInt32LittleEndian(span);
                    var logits = new float[classes];
                    for (var i = 0; i < classes; i++)
                    {
                        logits[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(4 + 4 * i)..]);
                    }

                    var relevance = new float[inputSize];
                    var r = span[(4 + 4 * classes)..];
                    for (var i = 0; i < inputSize; i++)
                    {
                        relevance[i] = BinaryPrimitives.ReadSingleLittleEndian(r[(4 * i)..]);
                    }

                    results[(k, profile, method)] = new CSimOutput(cls, logits, relevance);
                    offset += record;
                }
            }
        }

        return results;
    }

    /// <summary>
    /// Grad-CAM's maps at their block's resolution (<c>xai_csim run ... layer-maps</c>): <paramref name="pixels"/> float32
    /// values for every image and profile, images outer, in the block's stored units of each profile.
    /// </summary>
    public static Dictionary<(int Image, NumericsProfile Profile), float[]> ReadLayerMaps(string path, int images, int pixels, bool roundedInput = false)
    {
        var values = ReadFloats(path);
        var profiles = Written(roundedInput);
        var expected = (long)images * profiles.Count * pixels;
        if (values.Length != expected)
        {
            throw new XaiException(DiagnosticCatalog.SimulationOutputSize, $"C simulation wrote {values.Length} layer-map values; {expected} were expected for {images} images.", path);
        }

        var maps = new Dictionary<(int, NumericsProfile), float[]>();
        var offset = 0;
        for (var k = 0; k < images; k++)
        {
            foreach (var profile in profiles)
            {
                maps[(k, profile)] = values[offset..(offset + pixels)];
                offset += pixels;
            }
        }

        return maps;
    }

    /// <summary>A file of little-endian float32 values (the weight image, a batch of inputs), as <see cref="WriteFloats"/> writes it.</summary>
    /// <exception cref="IOException">The file does not hold whole float32 values.</exception>
    public static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length % 4 != 0)
        {
            throw new IOException($"{Path.GetFileName(path)} holds {bytes.Length} bytes, not whole float32 values");
        }

        var values = new float[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * i));
        }

        return values;
    }

    /// <param name="onlyIfChanged">Keep the file (and its timestamp) when the content is the same.</param>
    public static void WriteFloats(string path, IEnumerable<float[]> arrays, bool onlyIfChanged = false)
    {
        using var stream = new MemoryStream();
        Span<byte> word = stackalloc byte[4];
        foreach (var array in arrays)
        {
            foreach (var v in array)
            {
                BinaryPrimitives.WriteSingleLittleEndian(word, v);
                stream.Write(word);
            }
        }

        if (onlyIfChanged && File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(stream.ToArray()))
        {
            return;
        }

        IO.AtomicFile.WriteAllBytes(path, stream.ToArray());
    }
}
