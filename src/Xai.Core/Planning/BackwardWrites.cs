using Xai.Diagnostics;

namespace Xai.Planning;

/// <summary>
/// Who writes each gradient in BP where the network forks and joins. BP runs the blocks in reverse;
/// block k writes the gradient of the boundary it reads, and a residual join also writes its skip's.
/// A boundary read by several blocks (a fork) gets the sum: the first of them in BP order writes, each
/// later one adds its share to what is there (hls-lib's <c>grad_accumulate</c>). The join's skip write
/// and the dense engine cannot add, so each must be the first writer of its boundary: a join is the
/// last block (in the forward order) to read its skip, and a dense block that reads a fork is its last
/// reader; a join cannot add its own input. Refused otherwise (XAI3001).
/// </summary>
public sealed record BackwardWrites(IReadOnlyList<bool> Accumulate)
{
    /// <summary>Block k's BP adds to the gradient already at its input boundary.</summary>
    public bool AccumulatesAt(int k) => Accumulate[k];

    /// <summary>The writes of <paramref name="layers"/>; <paramref name="modelFile"/> names the model in errors.</summary>
    public static BackwardWrites Of(IReadOnlyList<HardwareLayer> layers, string? modelFile = null)
    {
        var written = new HashSet<int>();
        var accumulate = new bool[layers.Count];
        XaiException Refused(string message) => new(DiagnosticCatalog.NoHardwareBlock, message, modelFile);
        string Boundary(int b) => b == 0 ? "the image" : $"the output of {layers[b - 1].Name}";
        for (var k = layers.Count - 1; k >= 0; k--)
        {
            var source = HardwareLayer.SourceOf(layers, k);
            if (layers[k] is ConvBlockLayer { ResidualFrom: int skip } join)
            {
                if (skip == source)
                {
                    throw Refused($"Residual join of {join.Name} ('{join.Conv.Name}') adds its convolution's own input ({Boundary(skip)}): the engine joins a skip that another convolution reads; put a convolution on the main branch before the join.");
                }

                if (!written.Add(skip))
                {
                    throw Refused($"Residual join of {join.Name} ('{join.Conv.Name}') adds {Boundary(skip)}, which a block after it reads too: the join must be the last block to read its skip (its BP writes the skip's gradient, which cannot add to another's).");
                }
            }

            if (!written.Add(source))
            {
                if (layers[k] is DenseBlockLayer)
                {
                    throw Refused($"Dense block {layers[k].Name} reads {Boundary(source)}, which blocks after it read too: the vector-matrix engine cannot add its gradient to theirs; read the fork with convolutions only.");
                }

                accumulate[k] = true;
            }
        }

        return new BackwardWrites(accumulate);
    }
}
