using Xai.Attribution;
using Xai.Diagnostics;
using Xai.Stages;

namespace Xai.Core.Tests.Stages;

/// <summary>The rules LocateVendorTools applies (they used to live in its MSBuild task): stage selection and the hardware choice.</summary>
public sealed class VendorChoiceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "xai-choice-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("Synthesize;CoSimulate;Bitstream", "", "Synthesize;CoSimulate;Bitstream", "")]
    [InlineData("Bitstream", "", "Synthesize;Bitstream", "")]
    [InlineData(" cosimulate , ", "", "Synthesize;CoSimulate", "")]
    [InlineData("", "", "", "")]
    [InlineData("Synthesize;CoSimulate;Bitstream", ";CoSimulate", "Synthesize;CoSimulate", "Synthesize;CoSimulate")]
    [InlineData("", ";Synthesize;Bitstream", "Synthesize;Bitstream", "Synthesize;Bitstream")]
    public void Stages_asked_for_by_target_win_and_every_stage_brings_Synthesize(string configured, string requested, string wanted, string required)
    {
        var selection = VendorStageSelection.Resolve(configured, requested, "p.xaiproj");
        Assert.Equal(wanted, string.Join(";", selection.Wanted));
        Assert.Equal(required, string.Join(";", selection.Required));
    }

    [Fact]
    public void An_unknown_vendor_stage_is_XAI5601_naming_the_property_and_the_allowed_names()
    {
        var e = Assert.Throws<XaiException>(() => VendorStageSelection.Resolve("Synthesize;Implement", "", "p.xaiproj"));
        Assert.Equal(DiagnosticCatalog.BadVendorStages, e.Code);
        Assert.Equal("p.xaiproj", e.Diagnostic.File);
        Assert.Contains("XaiVendorStages holds 'Implement'; allowed: Synthesize, CoSimulate, Bitstream", e.Message);
    }

    [Fact]
    public void The_hardware_method_defaults_to_the_first_method_and_must_be_one_of_them()
    {
        AttributionMethod[] methods = [AttributionMethod.GuidedBackprop, AttributionMethod.Saliency];
        Assert.Equal(new HardwareChoice(AttributionMethod.GuidedBackprop, false), HardwareChoice.Resolve("", "", methods, "p.xaiproj"));
        Assert.Equal(new HardwareChoice(AttributionMethod.Saliency, true), HardwareChoice.Resolve(" saliency ", "TRUE", methods, "p.xaiproj"));

        Assert.Equal(DiagnosticCatalog.BadHardwareMethod, Assert.Throws<XaiException>(() => HardwareChoice.Resolve("DeconvNet", "", methods, "p.xaiproj")).Code);
        Assert.Equal(DiagnosticCatalog.BadHardwareMethod, Assert.Throws<XaiException>(() => HardwareChoice.Resolve("Saliency;GuidedBackprop", "", methods, "p.xaiproj")).Code);
        var variant = Assert.Throws<XaiException>(() => HardwareChoice.Resolve("", "yes", methods, "p.xaiproj"));
        Assert.Equal(DiagnosticCatalog.BadBoolean, variant.Code);
        Assert.Contains("XaiBuildInferenceVariant is 'yes'; allowed: true or false", variant.Message);
    }

    [Fact]
    public void The_choice_reaches_HlsSources_through_its_file_and_its_absence_is_XAI5611()
    {
        var vendor = new VendorLayout(_dir);
        Assert.Equal(DiagnosticCatalog.UpstreamMissing, Assert.Throws<XaiException>(() => HardwareChoice.Load(vendor)).Code);

        var choice = new HardwareChoice(AttributionMethod.DeconvNet, true);
        choice.Save(vendor);
        var written = File.GetLastWriteTimeUtc(vendor.ChoiceFile);
        File.SetLastWriteTimeUtc(vendor.ChoiceFile, written.AddMinutes(-5));
        choice.Save(vendor);

        Assert.Equal(choice, HardwareChoice.Load(vendor));
        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(vendor.ChoiceFile));
    }
}
