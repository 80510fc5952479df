namespace Xai.Faithfulness;

/// <summary>
/// A permutation of 0 .. n-1 drawn by Fisher-Yates from xorshift32, so the same seed gives the same order on
/// every machine and .NET version (System.Random's seeded sequence is not promised to stay).
/// </summary>
public static class SeededPermutation
{
    public static int[] Of(int n, uint seed)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seed);
        var order = Enumerable.Range(0, n).ToArray();
        // Neighbouring seeds (image k, k + 1) would start xorshift in neighbouring states and correlate its
        // first draws: a splitmix32-style finaliser spreads them first.
        var state = Mix(seed);
        for (var i = n - 1; i > 0; i--)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            var j = (int)(state % (uint)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static uint Mix(uint x)
    {
        x = (x ^ (x >> 16)) * 0x7FEB352Du;
        x = (x ^ (x >> 15)) * 0x846CA68Bu;
        x ^= x >> 16;
        return x == 0 ? 0x9E3779B9u : x;
    }
}
