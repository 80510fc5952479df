using Xai.Faithfulness;

namespace Xai.Core.Tests.Faithfulness;

public sealed class PerturbationCurveTests
{
    [Fact]
    public void Each_step_changes_its_rounded_share_of_the_pixels_from_none_to_all()
    {
        Assert.Equal(new[] { 0, 3, 5, 8, 10 }, PerturbationCurve.Counts(10, 4));
        Assert.Equal(new[] { 0, 1 }, PerturbationCurve.Counts(1, 1));
    }

    [Fact]
    public void Deletion_zeroes_the_ranked_pixels_in_every_channel_and_insertion_reveals_only_them()
    {
        float[] image = [1, 2, 3, 4, 5, 6]; // two channels of three pixels
        int[] ranking = [2, 0, 1];

        Assert.Equal(new float[] { 0, 2, 0, 0, 5, 0 }, PerturbationCurve.Input(image, 2, ranking, 2, insertion: false));
        Assert.Equal(new float[] { 1, 0, 3, 4, 0, 6 }, PerturbationCurve.Input(image, 2, ranking, 2, insertion: true));
        Assert.Equal(image, PerturbationCurve.Input(image, 2, ranking, 0, insertion: false));
        Assert.Equal(new float[6], PerturbationCurve.Input(image, 2, ranking, 0, insertion: true));
    }

    [Fact]
    public void The_area_is_the_trapezoid_mean_height()
    {
        Assert.Equal(0.5, PerturbationCurve.Area([0, 0.25, 0.5, 0.75, 1]), 12);
        Assert.Equal(1.0, PerturbationCurve.Area([2, 0]), 12);
        Assert.Equal(1.5, PerturbationCurve.Area([3, 1, 1]), 12);
    }
}
