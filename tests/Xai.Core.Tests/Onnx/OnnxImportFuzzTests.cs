using Xai.Diagnostics;
using Xai.Model;
using Xai.Onnx;
using Xunit.Abstractions;

namespace Xai.Core.Tests.Onnx;

/// <summary>
/// Damaged copies of valid models (truncations, flipped bits, overwritten, inserted and deleted
/// bytes; fixed seeds) must either import to a consistent network or fail with a coded import
/// diagnostic naming the source. Any other exception is an importer bug.
/// </summary>
public class OnnxImportFuzzTests
{
    private const int Iterations = 2000;
    private readonly ITestOutputHelper _output;

    public OnnxImportFuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string, int> Models => new()
    {
        { "small", 11 },
        { "tiny_cnn", 12 },
        { "tiny_matmul", 13 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void DamagedModel_ImportsOrFailsWithAnImportCode(string model, int seed)
    {
        var original = model == "small"
            ? OnnxModelBuilder.Small().Bytes()
            : File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", $"{model}.onnx"));
        var random = new Random(seed);
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < Iterations; i++)
        {
            var damaged = Damage(original, random);
            string outcome;
            try
            {
                using var stream = new MemoryStream(damaged);
                var network = new OnnxModelImporter().Import(stream, $"{model}-{i}.onnx");
                AssertConsistent(network);
                outcome = "imported";
            }
            catch (XaiException e)
            {
                Assert.Matches("^XAI2[0-9]{3}$", e.Code);
                Assert.Equal($"{model}-{i}.onnx", e.Diagnostic.File);
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                outcome = e.Code;
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i} ({damaged.Length} bytes): unhandled {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                throw;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        _output.WriteLine(string.Join(", ", outcomes.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));

        // The mutations must reach the semantic checks, not only the protobuf parser.
        Assert.True(outcomes.Count >= 4, $"too few distinct outcomes: {string.Join(", ", outcomes.Keys)}");
    }

    private static byte[] Damage(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 1: // flip a few bits
                for (int n = random.Next(1, 4); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 2: // overwrite a few bytes
                for (int n = random.Next(1, 9); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 3: // insert random bytes
            {
                int at = random.Next(bytes.Length);
                var extra = new byte[random.Next(1, 6)];
                random.NextBytes(extra);
                return bytes[..at].Concat(extra).Concat(bytes[at..]).ToArray();
            }

            default: // delete a run of bytes
            {
                int at = random.Next(bytes.Length);
                int count = Math.Min(random.Next(1, 16), bytes.Length - at);
                return bytes[..at].Concat(bytes[(at + count)..]).ToArray();
            }
        }
    }

    private static void AssertConsistent(Network network)
    {
        var shape = network.InputShape;
        foreach (var layer in network.Layers)
        {
            Assert.Equal(shape, layer.InputShape);
            shape = layer.OutputShape;
        }

        Assert.True(shape.IsVector);
        Assert.Equal(shape.ElementCount, network.OutputClasses);
        Assert.Equal(network.Layers.Sum(l => l.ParameterCount), network.ParameterCount);
    }
}
