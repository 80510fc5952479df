using System.Text;

namespace Xai.Slurm;

/// <summary>
/// Follows a job's output file as the job writes it (through the shared file system): each call returns
/// the complete lines added since the last, and with <c>final</c> the last partial line too.
/// </summary>
public sealed class JobOutputReader(string path)
{
    private long _offset;
    private readonly StringBuilder _partial = new();

    // Keeps a UTF-8 sequence that a read cut in two until its last byte arrives.
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

    public IReadOnlyList<string> ReadNewLines(bool final)
    {
        var lines = new List<string>();
        if (File.Exists(path))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < _offset)
            {
                _offset = 0; // rewritten from the start
            }

            stream.Seek(_offset, SeekOrigin.Begin);
            var buffer = new byte[stream.Length - _offset];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            _offset += read;
            var chars = new char[_decoder.GetCharCount(buffer, 0, read)];
            _partial.Append(chars, 0, _decoder.GetChars(buffer, 0, read, chars, 0));
        }

        var text = _partial.ToString();
        var end = text.LastIndexOf('\n');
        if (end >= 0)
        {
            lines.AddRange(text[..end].Split('\n').Select(l => l.TrimEnd('\r')));
            _partial.Remove(0, end + 1);
        }

        if (final && _partial.Length > 0)
        {
            lines.Add(_partial.ToString().TrimEnd('\r'));
            _partial.Clear();
        }

        return lines;
    }
}
