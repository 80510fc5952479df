using System.Security.Cryptography;
using System.Text;
using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.Diagnostics;

namespace Xai.Deployment.Tests;

/// <summary>The .bit header, .hwh, part names, known-hosts matching and driver-header parsing, on test-made files.</summary>
public sealed class FileFormatTests
{
    private static string Temp(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("xai-formats-").FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void ReadsTheBitstreamHeaderFields()
    {
        var header = BitstreamHeader.Read(Temp("a.bit", TestHardwareFiles.Bitstream("7z020clg400", "top_wrapper", dataBytes: 100)));
        Assert.Equal("top_wrapper;UserID=0XFFFFFFFF;Version=2024.2", header.DesignName);
        Assert.Equal("7z020clg400", header.Part);
        Assert.Equal("2026/11/30", header.Date);
        Assert.Equal("23:00:00", header.Time);
        Assert.Equal(100, header.DataLength);
    }

    [Fact]
    public void ATruncatedOrForeignFileIsNotABitstream()
    {
        var bytes = TestHardwareFiles.Bitstream("7z020clg400");
        var truncated = Assert.Throws<XaiException>(() => BitstreamHeader.Read(Temp("t.bit", bytes[..^10])));
        Assert.Equal("XAI7204", truncated.Code);
        Assert.Contains("field 'e'", truncated.Message);
        var png = Assert.Throws<XaiException>(() => BitstreamHeader.Read(Temp("p.bit", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])));
        Assert.Equal("XAI7204", png.Code);
    }

    [Fact]
    public void ReadsPartAndInstancesFromTheHwh()
    {
        var hwh = HwhFile.Read(Temp("a.hwh", Encoding.UTF8.GetBytes(TestHardwareFiles.Hwh("7z020", "clg400", "-1"))));
        Assert.Equal("7z020clg400-1", hwh.Part);
        Assert.Equal("xai_top_0", hwh.Instances["xai_top"]);
        Assert.Equal("XAI7205", Assert.Throws<XaiException>(() => HwhFile.Read(Temp("b.hwh", "<EDKSYSTEM/>"u8.ToArray()))).Code);
    }

    [Theory]
    [InlineData("7z020clg400", "xc7z020clg400-1", true)]
    [InlineData("7z020clg400-1", "xc7z020clg400-1", true)]
    [InlineData("7z010clg400", "xc7z020clg400-1", false)]
    [InlineData("7z020clg484", "xc7z020clg400-1", false)]
    [InlineData("xczu3eg-sbva484-1-i", "xczu3eg-sbva484-1-i", true)]
    [InlineData("zu3egsbva484", "xczu3eg-sbva484-1-i", true)]
    [InlineData("zu7ev", "xczu7ev-ffvc1156-2-e", false)]
    public void PartNamesMatchAcrossSpellings(string a, string b, bool match) => Assert.Equal(match, PartName.Matches(a, b));

    [Fact]
    public void KnownHostsMatchesPlainHashedAndPortedEntries()
    {
        var key = RandomNumberGenerator.GetBytes(51);
        var other = RandomNumberGenerator.GetBytes(51);
        var salt = RandomNumberGenerator.GetBytes(20);
        using var hmac = new HMACSHA1(salt);
        var hashed = $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes("board.lab")))}";
        var path = Temp("known_hosts", Encoding.ASCII.GetBytes(
            $"# comment\n{hashed} ssh-ed25519 {Convert.ToBase64String(key)}\n[10.0.0.2]:2222,other ssh-ed25519 {Convert.ToBase64String(other)}\n"));
        var known = KnownHosts.Load(path);
        Assert.Equal(HostKeyVerdict.Known, known.Check("board.lab", 22, "ssh-ed25519", key));
        Assert.Equal(HostKeyVerdict.Mismatch, known.Check("board.lab", 22, "ssh-ed25519", other));
        Assert.Equal(HostKeyVerdict.Unknown, known.Check("board.lab", 22, "ecdsa-sha2-nistp256", key));
        Assert.Equal(HostKeyVerdict.Unknown, known.Check("board.lab", 2222, "ssh-ed25519", key));
        Assert.Equal(HostKeyVerdict.Known, known.Check("10.0.0.2", 2222, "ssh-ed25519", other));
        known.Add("new.lab", 22, "ssh-ed25519", key);
        Assert.Equal(HostKeyVerdict.Known, KnownHosts.Load(path).Check("new.lab", 22, "ssh-ed25519", key));
        Assert.Equal("SHA256:" + Convert.ToBase64String(SHA256.HashData(key)).TrimEnd('='), KnownHosts.Fingerprint(key));
    }

    [Fact]
    public void AHeaderOfAnotherTopIsRefusedNamingTheMissingRegister()
    {
        var top = HlsTopDesign.For(HlsTopVariant.Explain, AttributionMethod.Saliency, new NetworkMemorySizes(10, 20, 30, 40, 4));
        var (text, offsets) = TestHardwareFiles.DriverHeader(top);
        var map = DriverRegisterMap.Parse(text, "xai_top", "control", ["AP_CTRL", "IMAGE_DATA"], "x.h");
        Assert.Equal(offsets["RELEVANCE_DATA"], map.Offsets["RELEVANCE_DATA"]);
        Assert.Equal(64, map.Bits["IMAGE_DATA"]);
        var e = Assert.Throws<XaiException>(() => BoardRunnerWriter.TopRegisters(top, text.Replace("XXAI_TOP_CONTROL_ADDR_LOGITS_DATA", "XXAI_TOP_CONTROL_ADDR_OTHER_DATA"), "xxai_top_hw.h"));
        Assert.Equal("XAI7410", e.Code);
        Assert.Contains("XXAI_TOP_CONTROL_ADDR_LOGITS_DATA", e.Message);
    }
}
