using System.Diagnostics;
using Xai.Diagnostics;
using Xai.Imaging;

namespace Xai.Core.Tests.Imaging;

public sealed class NpyFileTests
{
    [Fact]
    public void Encoded_arrays_decode_to_the_same_values_and_shape_with_64_byte_aligned_data()
    {
        var values = Enumerable.Range(0, 3 * 4 * 5).Select(i => (float)Math.Sin(i) * 1e-3f).ToArray();

        var bytes = NpyFile.EncodeFloat32(values, [3, 4, 5]);
        var (decoded, shape) = NpyFile.DecodeFloat32(bytes, "a.npy");

        Assert.Equal(values, decoded);
        Assert.Equal(new[] { 3, 4, 5 }, shape);
        Assert.Equal(0, (bytes.Length - values.Length * 4) % 64);
    }

    [Fact]
    public void A_wrong_shape_is_refused_when_encoding()
    {
        Assert.Throws<ArgumentException>(() => NpyFile.EncodeFloat32(new float[5], [2, 3]));
    }

    [Fact]
    public void Bad_npy_input_is_a_coded_error()
    {
        var good = NpyFile.EncodeFloat32(new float[4], [4]);
        Assert.Equal("XAI3901", Assert.Throws<XaiException>(() => NpyFile.DecodeFloat32("junk"u8, "j.npy")).Code);
        Assert.Equal("XAI3901", Assert.Throws<XaiException>(() => NpyFile.DecodeFloat32(good.AsSpan(0, good.Length - 1), "t.npy")).Code);
    }

    [Fact]
    public void Numpy_itself_reads_what_we_write()
    {
        const string python = "/usr/bin/python3";
        var probe = Process.Start(new ProcessStartInfo(python, ["-c", "import numpy"]) { RedirectStandardError = true });
        probe!.WaitForExit();
        Assert.True(probe.ExitCode == 0, "This test needs Debian's python3-numpy (/usr/bin/python3 with numpy); ./test.sh installs it (prerequisites/install.sh).");

        var path = Path.Combine(Path.GetTempPath(), $"xai-{Guid.NewGuid():N}.npy");
        File.WriteAllBytes(path, NpyFile.EncodeFloat32([1.5f, -2.25f, 3e-6f, 0f, 7f, 8f], [2, 3]));
        try
        {
            var run = Process.Start(new ProcessStartInfo(python, ["-c", $"import numpy as np; a = np.load('{path}'); print(a.dtype, a.shape, repr(a[0, 2]), a[1].sum())"]) { RedirectStandardOutput = true })!;
            var output = run.StandardOutput.ReadToEnd().Trim();
            run.WaitForExit();
            Assert.Equal("float32 (2, 3) np.float32(3e-06) 15.0".Replace("np.float32(3e-06)", output.Contains("np.float32") ? "np.float32(3e-06)" : "3e-06"), output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
