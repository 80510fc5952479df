using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Imaging;

/// <summary>
/// NumPy <c>.npy</c> (format 1.0) for little-endian float32 arrays in C order: what the SDK writes
/// relevance maps as, so that <c>numpy.load</c> reads them with no conversion.
/// </summary>
public static partial class NpyFile
{
    public static byte[] EncodeFloat32(ReadOnlySpan<float> values, IReadOnlyList<int> shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
        }

        if (count != values.Length)
        {
            throw new ArgumentException($"Shape ({string.Join(",", shape)}) holds {count} values, not {values.Length}.");
        }

        var shapeText = shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {shapeText}, }}";
        // Magic (6) + version (2) + header length (2) + header, padded with spaces so data starts on a 64-byte boundary.
        var headerLength = dict.Length + 1;
        var padded = (10 + headerLength + 63) / 64 * 64 - 10;
        var header = dict.PadRight(padded - 1) + "\n";

        var bytes = new byte[10 + header.Length + values.Length * 4];
        bytes[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", bytes.AsSpan(1));
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(10));
        var data = bytes.AsSpan(10 + header.Length);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data[(i * 4)..], values[i]);
        }

        return bytes;
    }

    /// <summary>Reads a little-endian float32 C-order array, returning its values and shape.</summary>
    public static (float[] Values, int[] Shape) DecodeFloat32(ReadOnlySpan<byte> npy, string path)
    {
        if (npy.Length < 10 || npy[0] != 0x93 || Encoding.ASCII.GetString(npy.Slice(1, 5)) != "NUMPY")
        {
            throw new XaiException(DiagnosticCatalog.NpyFileUnreadable, "Not a .npy file (magic string missing).", path);
        }

        int headerLength = npy[6] == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(npy[8..]) : (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(npy[8..]), int.MaxValue);
        var start = npy[6] == 1 ? 10 : 12;
        if (npy.Length < start + headerLength)
        {
            throw new XaiException(DiagnosticCatalog.NpyFileUnreadable, ".npy file is truncated inside its header.", path);
        }

        var header = Encoding.ASCII.GetString(npy.Slice(start, headerLength));
        var m = HeaderPattern().Match(header);
        if (!m.Success || m.Groups["descr"].Value != "<f4" || m.Groups["fortran"].Value != "False")
        {
            throw new XaiException(DiagnosticCatalog.NpyFileUnreadable, $".npy header '{header.Trim()}' is not a little-endian float32 C-order array.", path);
        }

        var shape = m.Groups["shape"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var data = npy[(start + headerLength)..];
        if (data.Length != count * 4)
        {
            throw new XaiException(DiagnosticCatalog.NpyFileUnreadable, $".npy file holds {data.Length} data bytes; its shape needs {count * 4}.", path);
        }

        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
        }

        return (values, shape);
    }

    [GeneratedRegex(@"'descr':\s*'(?<descr>[^']*)',\s*'fortran_order':\s*(?<fortran>True|False),\s*'shape':\s*\((?<shape>[0-9,\s]*)\)")]
    private static partial Regex HeaderPattern();
}
