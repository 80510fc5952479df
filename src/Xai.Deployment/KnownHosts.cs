using System.Security.Cryptography;
using System.Text;

namespace Xai.Deployment;

/// <summary>What an OpenSSH known-hosts file says about a host's key.</summary>
public enum HostKeyVerdict
{
    /// <summary>The file lists this exact key for the host.</summary>
    Known,

    /// <summary>The file lists no key of this type for the host.</summary>
    Unknown,

    /// <summary>The file lists a different key of the same type for the host: possibly an impostor.</summary>
    Mismatch,
}

/// <summary>
/// An OpenSSH known_hosts file: <c>host[,host…] keytype base64</c> lines, hosts written
/// <c>[host]:port</c> when the port is not 22, plain or hashed (<c>|1|salt|HMAC-SHA1</c>).
/// Markers (@revoked, @cert-authority) are not supported: such lines are skipped.
/// </summary>
public sealed class KnownHosts
{
    private readonly List<(string Hosts, string KeyType, string Key)> _entries;

    private KnownHosts(string path, List<(string, string, string)> entries)
    {
        Path = path;
        _entries = entries;
    }

    public string Path { get; }

    public static KnownHosts Load(string path)
    {
        var entries = new List<(string, string, string)>();
        if (File.Exists(path))
        {
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == '@')
                {
                    continue;
                }

                var parts = line.Split(' ', '\t').Where(p => p.Length > 0).ToArray();
                if (parts.Length >= 3)
                {
                    entries.Add((parts[0], parts[1], parts[2]));
                }
            }
        }

        return new KnownHosts(path, entries);
    }

    /// <summary>How the host is written in the file: <c>host</c> on port 22, else <c>[host]:port</c>.</summary>
    public static string HostPattern(string host, int port) => port == 22 ? host : $"[{host}]:{port}";

    public HostKeyVerdict Check(string host, int port, string keyType, byte[] key)
    {
        var pattern = HostPattern(host, port);
        var encoded = Convert.ToBase64String(key);
        var verdict = HostKeyVerdict.Unknown;
        foreach (var (hosts, type, k) in _entries)
        {
            if (!Matches(hosts, pattern) || type != keyType)
            {
                continue;
            }

            if (k == encoded)
            {
                return HostKeyVerdict.Known;
            }

            verdict = HostKeyVerdict.Mismatch;
        }

        return verdict;
    }

    /// <summary>Key types the file lists for the host (to say so when the offered type is not among them).</summary>
    public IReadOnlyList<string> KeyTypesFor(string host, int port) =>
        _entries.Where(e => Matches(e.Hosts, HostPattern(host, port))).Select(e => e.KeyType).Distinct().ToList();

    public void Add(string host, int port, string keyType, byte[] key)
    {
        var line = $"{HostPattern(host, port)} {keyType} {Convert.ToBase64String(key)}";
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(directory);
        var prefix = File.Exists(Path) && new FileInfo(Path).Length > 0 && !File.ReadAllText(Path).EndsWith('\n') ? "\n" : "";
        File.AppendAllText(Path, prefix + line + "\n");
        _entries.Add((HostPattern(host, port), keyType, Convert.ToBase64String(key)));
    }

    /// <summary>SHA256:… of a public key blob, as ssh-keygen -lf prints it (unpadded base64).</summary>
    public static string Fingerprint(byte[] key) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(key)).TrimEnd('=');

    private static bool Matches(string hosts, string pattern)
    {
        if (hosts.StartsWith("|1|", StringComparison.Ordinal))
        {
            var fields = hosts.Split('|');
            if (fields.Length != 4)
            {
                return false;
            }

            try
            {
                using var hmac = new HMACSHA1(Convert.FromBase64String(fields[2]));
                return Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes(pattern))) == fields[3];
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return hosts.Split(',').Any(h => string.Equals(h, pattern, StringComparison.OrdinalIgnoreCase));
    }
}
