using OrganoidBiomarkers.Common;
using Xunit;

namespace OrganoidBiomarkers.Tests.Common;

public class WorkTimerTests
{
    [Fact]
    public void Wall_and_cpu_time_grow_with_work_and_print_both()
    {
        var timer = WorkTimer.Start();
        double sink = 0;
        for (int i = 0; i < 20_000_000; i++) sink += Math.Sqrt(i);
        Assert.True(sink > 0);
        Assert.True(timer.WallSeconds > 0, $"wall {timer.WallSeconds}");
        Assert.True(timer.CpuSeconds > 0, $"cpu {timer.CpuSeconds}");
        Assert.Matches(@"^\d+\.\d s wall, \d+\.\d s CPU on \d+ core\(s\)$", timer.ToString());
    }
}
