using Xai.Diagnostics;
using Xai.Stages;

namespace Xai.Core.Tests.Stages;

public sealed class ImageOutputNamesTests
{
    [Fact]
    public void Distinct_file_names_are_kept_as_they_are()
    {
        Assert.Equal(["cat", "dog"], ImageOutputNames.For(["/p/images/cat.png", "/p/other/dog.png"], "/p/x.xaiproj"));
    }

    [Fact]
    public void Images_of_one_name_in_different_folders_are_named_by_their_path_from_the_shared_folder()
    {
        Assert.Equal(
            ["a/cat", "dog", "b/deep/cat", "x/Dog"],
            ImageOutputNames.For(["/p/images/a/cat.png", "/p/dog.png", "/p/images/b/deep/cat.png", "/p/x/Dog.png"], "/p/x.xaiproj"));
    }

    [Fact]
    public void The_same_image_twice_is_a_coded_error_naming_it()
    {
        var e = Assert.Throws<XaiException>(() => ImageOutputNames.For(["/p/images/cat.png", "/p/images/../images/cat.png"], "/p/x.xaiproj"));
        Assert.Equal("XAI3406", e.Code);
        Assert.Contains("/p/images/cat.png", e.Message);
    }

    [Fact]
    public void Paths_differing_only_in_case_are_a_coded_error()
    {
        var e = Assert.Throws<XaiException>(() => ImageOutputNames.For(["/p/A/cat.png", "/p/a/cat.png"], "/p/x.xaiproj"));
        Assert.Equal("XAI3406", e.Code);
    }
}
