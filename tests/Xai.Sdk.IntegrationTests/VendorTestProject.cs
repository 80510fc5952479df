using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// A project on hls-lib's tiny reference network (odd.onnx: input [3,10,14], 4 classes) with two
/// seeded noise images, for the vendor-stage tests; plus what those tests read back.
/// </summary>
internal static partial class VendorTestProject
{
    public const string ReportJson = "bin/Debug/report.json";
    public const string ReportHtml = "bin/Debug/report.html";

    public static string OddModel => Path.Combine(RepositoryLayout.Root, "hls-lib", "tests", "data", "reference", "odd", "odd.onnx");

    public static XaiProject Create(PackedSdk sdk, string properties = "", string name = "vendor")
    {
        var project = new XaiProject(sdk, "<XaiModel>odd.onnx</XaiModel>\n<XaiBoard>pynq-z2</XaiBoard>\n" + properties, "<XaiImage Include=\"images/*.png\" />", name: name);
        project.WriteFile("odd.onnx", File.ReadAllBytes(OddModel));
        for (var k = 0; k < 2; k++)
        {
            project.WriteFile($"images/img{k}.png", NoisePng(14, 10, seed: 7 + k));
        }

        return project;
    }

    public static JsonObject Report(XaiProject project) => JsonNode.Parse(Schemas.Report(project.PathOf(ReportJson)).ToString())!.AsObject();

    /// <summary>MSBuild diagnostics of any code shape (the vendor's own codes contain '-': HLS207-3776).</summary>
    public static IReadOnlyList<(string File, int Line, int Column, string Kind, string Code, string Message)> Diagnostics(BuildResult result) =>
        DiagnosticLine().Matches(result.Output)
            .Select(m => (m.Groups["file"].Value.Trim(), m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : 0,
                m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value) : 0, m.Groups["kind"].Value, m.Groups["code"].Value, m.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();

    /// <summary>An RGB PNG of seeded noise (stored with zlib, filter 0), written here so the tests need no image library.</summary>
    public static byte[] NoisePng(int width, int height, int seed)
    {
        var random = new Random(seed);
        var raw = new byte[height * (1 + 3 * width)];
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan(y * (1 + 3 * width) + 1, 3 * width);
            random.NextBytes(row);
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32([.. typeBytes, .. data]));
        png.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    [GeneratedRegex(@"^\s*(\d+>)?(?<file>[^\n]*?)\s*(\((?<line>\d+)(,(?<col>\d+))?\))?\s*:\s*(?<kind>error|warning)\s+(?<code>[A-Za-z]+[0-9][A-Za-z0-9\-]*)\s*:\s*(?<message>[^\n]*?)(\s\[[^\]\n]*\])?\s*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
