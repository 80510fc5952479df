namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// The C simulation needs a C++ compiler (XaiCxx, default g++). A missing one says how to get
/// one; a failing one becomes an MSBuild error at the compiler's file and line, so IDEs jump there.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class CompilerProblemTests(PackedSdk sdk)
{
    [Fact]
    public void A_missing_compiler_is_XAI3100_saying_how_to_install_or_set_one()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        var missing = project.PathOf("toolchain/bin/no-such-g++");

        var result = project.Build("-p:XaiCxx=" + missing);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("XAI3100", error.Code);
        Assert.Contains($"'{missing}' was not found", error.Message);
        Assert.Contains("apt-get install g++", error.Message);
        Assert.Contains("XaiCxx", error.Message);
    }

    [Fact]
    public void A_compiler_error_is_XAI3101_at_the_file_and_line_the_compiler_named()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        var compiler = FakeCompiler.Write(project, "broken-cxx", """
            echo "In file included from main.cpp:3:" >&2
            echo "/some/dir/xai_network.h:12:5: error: something broke" >&2
            exit 1
            """);

        var result = project.Build("-p:XaiCxx=" + compiler);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("XAI3101", error.Code);
        Assert.Equal("/some/dir/xai_network.h", error.File);
        Assert.Equal(12, error.Line);
        Assert.Contains("something broke", error.Message);
        Assert.Contains("/some/dir/xai_network.h(12,5): error XAI3101:", result.Output);
    }

    [Fact]
    public void A_compiler_failing_without_a_located_error_is_XAI3101_quoting_its_output()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        var compiler = FakeCompiler.Write(project, "crashing-cxx", """
            echo "cc1plus: out of memory allocating 4096 bytes" >&2
            exit 4
            """);

        var result = project.Build("-p:XaiCxx=" + compiler);

        var error = Assert.Single(result.Errors);
        Assert.Equal("XAI3101", error.Code);
        Assert.Contains("exit 4", error.Message);
        Assert.Contains("out of memory allocating 4096 bytes", error.Message);
        Assert.EndsWith("xai_csim_main.cpp", error.File);
    }
}
