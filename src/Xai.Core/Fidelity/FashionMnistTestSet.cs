using System.Buffers.Binary;
using System.IO.Compression;
using Xai.Diagnostics;
using Xai.Model;

namespace Xai.Fidelity;

/// <summary>
/// The Fashion-MNIST test set as shipped by Debian's <c>dataset-fashion-mnist</c> (gzipped IDX
/// files), shaped for a network's input: each 28×28 image centred with zero padding and repeated
/// over the input channels, pixel / 255 — the transform the sample network was trained with.
/// </summary>
public static class FashionMnistTestSet
{
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    public static bool IsPresent(string directory) =>
        File.Exists(Path.Combine(directory, "t10k-images-idx3-ubyte.gz")) && File.Exists(Path.Combine(directory, "t10k-labels-idx1-ubyte.gz"));

    public static (List<float[]> Images, List<int> Labels) Load(string directory, int count, TensorShape input)
    {
        var imagesFile = Path.Combine(directory, "t10k-images-idx3-ubyte.gz");
        var (dims, pixels) = ReadIdx(imagesFile);
        var (_, labelBytes) = ReadIdx(Path.Combine(directory, "t10k-labels-idx1-ubyte.gz"));
        if (dims.Length != 3 || dims[1] != 28 || dims[2] != 28)
        {
            throw new XaiException(DiagnosticCatalog.FidelityDatasetUnreadable, $"Expected 28x28 images, found dimensions [{string.Join(",", dims)}].", imagesFile);
        }

        if (input.Height < 28 || input.Width < 28)
        {
            throw new XaiException(DiagnosticCatalog.FidelityInputTooSmall, $"Fashion-MNIST images are 28x28; the network takes {input.Height}x{input.Width}, too small to hold them.", imagesFile);
        }

        var n = Math.Min(count, dims[0]);
        var top = (input.Height - 28) / 2;
        var left = (input.Width - 28) / 2;
        var plane = input.Height * input.Width;
        var images = new List<float[]>(n);
        for (var k = 0; k < n; k++)
        {
            var tensor = new float[input.Channels * plane];
            for (var y = 0; y < 28; y++)
            {
                for (var x = 0; x < 28; x++)
                {
                    var v = pixels[(k * 28 + y) * 28 + x] / 255f;
                    for (var c = 0; c < input.Channels; c++)
                    {
                        tensor[c * plane + (top + y) * input.Width + left + x] = v;
                    }
                }
            }

            images.Add(tensor);
        }

        return (images, labelBytes.Take(n).Select(b => (int)b).ToList());
    }

    private static (int[] Dims, byte[] Data) ReadIdx(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var memory = new MemoryStream();
            gzip.CopyTo(memory);
            var bytes = memory.ToArray();
            if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0x08)
            {
                throw new XaiException(DiagnosticCatalog.FidelityDatasetUnreadable, "Not an unsigned-byte IDX file.", path);
            }

            var rank = bytes[3];
            var dims = new int[rank];
            for (var i = 0; i < rank; i++)
            {
                dims[i] = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            }

            var data = bytes[(4 + 4 * rank)..];
            if (data.LongLength != dims.Aggregate(1L, (a, d) => a * d))
            {
                throw new XaiException(DiagnosticCatalog.FidelityDatasetUnreadable, $"IDX header says [{string.Join(",", dims)}] but the file holds {data.Length} values.", path);
            }

            return (dims, data);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new XaiException(DiagnosticCatalog.FidelityDatasetUnreadable, $"Cannot read the dataset file: {e.Message}", path, inner: e);
        }
    }
}
