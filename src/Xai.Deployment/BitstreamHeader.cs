using System.Buffers.Binary;
using System.Text;
using Xai.Diagnostics;

namespace Xai.Deployment;

/// <summary>
/// The header Vivado writes before a .bit file's configuration data: a length-prefixed preamble,
/// then tagged fields <c>a</c> design name (with UserID and tool version), <c>b</c> part
/// (e.g. <c>7z020clg400</c>), <c>c</c> date, <c>d</c> time, <c>e</c> the data length (4 bytes,
/// big-endian). Reading <c>b</c> lets deployment refuse a bitstream for another part before copying it.
/// </summary>
public sealed record BitstreamHeader(string Path, string DesignName, string Part, string Date, string Time, long DataLength)
{
    public static BitstreamHeader Read(string bitPath)
    {
        byte[] bytes;
        try
        {
            using var stream = File.OpenRead(bitPath);
            bytes = new byte[Math.Min(stream.Length, 4096)];
            stream.ReadExactly(bytes);
            return Parse(bytes, bitPath, stream.Length);
        }
        catch (IOException e)
        {
            throw new XaiException(DiagnosticCatalog.BitstreamHeaderInvalid, $"The bitstream cannot be read: {e.Message}", bitPath, inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new XaiException(DiagnosticCatalog.BitstreamHeaderInvalid, $"The bitstream cannot be read: {e.Message}", bitPath, inner: e);
        }
    }

    /// <param name="fileLength">The whole file's length, to check field <c>e</c> against.</param>
    public static BitstreamHeader Parse(ReadOnlySpan<byte> bytes, string path, long fileLength)
    {
        var reader = new HeaderReader(bytes, path);
        var preamble = reader.UInt16();
        reader.Skip(preamble);
        if (reader.UInt16() != 1)
        {
            throw Bad(path, "the preamble is not followed by the 0x0001 field count");
        }

        var fields = new Dictionary<char, string>();
        long dataLength = -1;
        while (dataLength < 0)
        {
            var key = (char)reader.Byte();
            if (key == 'e')
            {
                dataLength = reader.UInt32();
                if (reader.Position + dataLength != fileLength)
                {
                    throw Bad(path, $"field 'e' announces {dataLength} bytes of configuration data, but {fileLength - reader.Position} follow the header");
                }

                break;
            }

            if (key is < 'a' or > 'd' || fields.ContainsKey(key))
            {
                throw Bad(path, $"unexpected field '{(char.IsControl(key) ? '?' : key)}' at byte {reader.Position - 1} (expected a, b, c, d, then e)");
            }

            fields[key] = reader.Text();
        }

        foreach (var key in "abcd")
        {
            if (!fields.ContainsKey(key))
            {
                throw Bad(path, $"field '{key}' is missing");
            }
        }

        return new BitstreamHeader(path, fields['a'], fields['b'], fields['c'], fields['d'], dataLength);
    }

    private static XaiException Bad(string path, string what) =>
        new(DiagnosticCatalog.BitstreamHeaderInvalid, $"Not a Xilinx .bit file: {what}.", path);

    private ref struct HeaderReader(ReadOnlySpan<byte> bytes, string path)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; }

        public byte Byte() => Take(1)[0];

        public int UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

        public long UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

        public void Skip(int n) => Take(n);

        /// <summary>A length-prefixed, NUL-terminated string.</summary>
        public string Text() => Encoding.ASCII.GetString(Take(UInt16())).TrimEnd('\0');

        private ReadOnlySpan<byte> Take(int n)
        {
            if (Position + n > _bytes.Length)
            {
                throw Bad(path, $"the header ends early (byte {Position} of {_bytes.Length})");
            }

            var span = _bytes.Slice(Position, n);
            Position += n;
            return span;
        }
    }
}
