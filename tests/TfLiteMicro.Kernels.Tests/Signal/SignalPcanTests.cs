using TfLiteMicro.Testing;
using Xunit;
using static TfLiteMicro.Kernels.Tests.Signal.SignalTestSupport;

namespace TfLiteMicro.Kernels.Tests.Signal;

/// <summary>SignalPCAN; vectors from TFLM's signal/micro/kernels/pcan_test.cc (Mix1Ref1Case, snr_shift 6).</summary>
public class SignalPcanTests
{
    private static readonly uint[] Input =
    {
        286, 298, 305, 291, 290, 279, 273, 257, 250, 240, 240, 233, 234, 230, 221, 205, 183, 159, 156, 188, 239, 298,
        345, 374, 380, 369, 359, 364, 372, 354, 302, 243, 194, 135, 64, 72, 171, 245, 277, 304,
    };

    private static readonly uint[] NoiseEstimate =
    {
        7310, 18308, 7796, 17878, 7413, 17141, 6978, 15789, 6390, 14745, 6135, 14314, 5981, 14130, 5649, 12594, 4677,
        9768, 3987, 11550, 6109, 18308, 8819, 22977, 9713, 22670, 9176, 22363, 9509, 21748, 7719, 14929, 4959, 8294,
        1636, 4423, 4371, 15052, 7080, 18677,
    };

    private static readonly short[] GainLut =
    {
        32636, 32633, 32630, -6, 0, -21589, 32624, -12, 0, -21589, 32612, -23, -2, -21589, 32587, -48, 0, -21589, 32539,
        -96, 0, -21589, 32443, -190, 0, -21589, 32253, -378, 4, -21589, 31879, -739, 18, -21589, 31158, -1409, 62,
        -21589, 29811, -2567, 202, -21589, 27446, -4301, 562, -21589, 23707, -6265, 1230, -21589, 18672, -7458, 1952,
        -21589, 13166, -7030, 2212, -21589, 8348, -5342, 1868, -21589, 4874, -3459, 1282, -21589, 2697, -2025, 774,
        -21589, 1446, -1120, 436, -21589, 762, -596, 232, -21589, 398, -313, 122, -21589, 207, -164, 64, -21589, 107,
        -85, 34, -21589, 56, -45, 18, -21589, 29, -22, 8, -21589, 15, -13, 6, -21589, 8, -8, 4, -21589, 4, -2, 0,
        -21589, 2, -3, 2, -21589, 1, 0, 0, -21589, 1, -3, 2, -21589, 0, 0, 0,
    };

    private static readonly uint[] Golden =
    {
        1301, 836, 1354, 827, 1312, 811, 1263, 779, 1192, 753, 1160, 743, 1140, 738, 1096, 698, 956, 607, 845, 667,
        1157, 836, 1461, 912, 1546, 908, 1496, 904, 1527, 895, 1346, 758, 999, 548, 378, 344, 908, 761, 1274, 843,
    };

    private static KernelRunner Runner(string implementation, short[] gainLut) =>
        new KernelRunner(Kernel(implementation, "SignalPCAN"), new[]
        {
            Tensor(TensorType.UInt32, new[] { 40 }, Input),
            Tensor(TensorType.UInt32, new[] { 40 }, NoiseEstimate),
            Tensor(TensorType.Int16, new[] { gainLut.Length }, gainLut, isConstant: true),
            Tensor<uint>(TensorType.UInt32, new[] { 40 }, null),
        }, new[] { 0, 1, 2 }, new[] { 3 }, customOptions: Options(("snr_shift", 6)));

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void MatchesTflmTestVector(string implementation)
    {
        using KernelRunner runner = Runner(implementation, GainLut);
        Assert.Equal(Status.Ok, runner.InitAndPrepare());
        Assert.Equal(Status.Ok, runner.Invoke());
        Assert.Equal(Golden, runner.Get<uint>(3));
    }

    [Theory]
    [MemberData(nameof(KernelImplementations.All), MemberType = typeof(KernelImplementations))]
    public void ShortGainTableIsRejected(string implementation)
    {
        using KernelRunner runner = Runner(implementation, GainLut[..100]);
        Assert.Equal(Status.Error, runner.InitAndPrepare());
        Assert.Contains("at least 125", runner.Errors.MessageText);
    }
}
