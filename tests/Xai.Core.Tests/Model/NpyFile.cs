using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Xai.Core.Tests.Model;

/// <summary>Reads the little-endian, C-order float32 and int32 .npy files the reference vectors are stored in (int32 targets: the product reads only float32).</summary>
internal static class NpyFile
{
    /// <summary>Float32 arrays go through the product's own reader; it checks the header and the length.</summary>
    public static float[] ReadFloat32(string path) =>
        Xai.Imaging.NpyFile.DecodeFloat32(File.ReadAllBytes(path), path).Values;

    public static int[] ReadInt32(string path)
    {
        var (descr, data) = Read(path);
        Assert.Equal("<i4", descr);
        var values = new int[data.Length / 4];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(i * 4));
        }

        return values;
    }

    private static (string Descr, byte[] Data) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10 && bytes[0] == 0x93 && Encoding.ASCII.GetString(bytes, 1, 5) == "NUMPY", $"{path} is not a .npy file");
        int major = bytes[6];
        int headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        int start = major == 1 ? 10 : 12;
        var header = Encoding.ASCII.GetString(bytes, start, headerLength);
        Assert.Contains("'fortran_order': False", header);
        var descr = Regex.Match(header, @"'descr':\s*'([^']+)'").Groups[1].Value;
        return (descr, bytes[(start + headerLength)..]);
    }
}
