using Tocsin.TestSupport;
using Tocsin.Controller.Regions;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Regions;

public sealed class LichengSampleTests
{
    private static RegionMap Load()
    {
        RegionLoadResult r = RegionFileParser.Parse(File.ReadAllBytes(RepoPaths.Combine("controller", "regions", "licheng-sample.json")));
        Assert.True(r.Succeeded, string.Join("\n", r.Errors));
        return r.Map;
    }

    [Fact]
    public void The_Licheng_sample_loads_with_its_8_real_streets()
    {
        RegionMap map = Load();
        Assert.Equal("licheng", map.District.Id);
        Assert.Equal(["kaiyuan", "lizhong", "haibin", "linjiang", "jinlong", "changtai", "fuqiao", "jiangnan"], map.Streets.Select(s => s.Id));
        Assert.Contains("开元街道", map.FindStreet("kaiyuan")!.Name, StringComparison.Ordinal);
        Assert.Contains("江南街道", map.FindStreet("jiangnan")!.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Licheng_sample_is_clearly_labelled_as_sample_data()
    {
        RegionMap map = Load();
        Assert.True(map.IsSample);
        Assert.Contains("not official", map.Note!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Each_sample_street_has_4_to_6_communities_of_plausible_size()
    {
        RegionMap map = Load();
        Assert.All(map.Streets, s => Assert.InRange(s.Communities.Count, 4, 6));
        Assert.All(map.Communities, c => Assert.InRange(c.Population, 2000, 12000));
        Assert.All(map.Streets, s => Assert.All(s.Communities, c => Assert.StartsWith(s.Id + "-", c.Id, StringComparison.Ordinal)));
    }
}
