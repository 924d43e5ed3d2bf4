using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Api;

/// <summary>Bad requests get problem details naming what is wrong; roles and the second person are enforced.</summary>
public sealed class ApiRefusalTests
{
    private static async Task<(HttpStatusCode Status, string Detail)> PostRaw(HttpClient http, string path, object body)
    {
        using HttpResponseMessage r = await http.PostAsJsonAsync(path, body);
        string text = await r.Content.ReadAsStringAsync();
        string detail = text.Length > 0 && text[0] == '{' && JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out JsonElement d) ? d.GetString() ?? string.Empty : text;
        return (r.StatusCode, detail);
    }

    [Fact]
    public async Task Wrong_credentials_and_missing_tokens_are_refused()
    {
        await using ControllerFixture c = await ControllerFixture.StartAsync();
        var (status, _) = await PostRaw(c.Http, "/api/auth/login", new { name = "admin", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        using var anonymous = new HttpClient { BaseAddress = c.Http.BaseAddress };
        using HttpResponseMessage r = await anonymous.GetAsync("/api/alerts");
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }

    [Fact]
    public async Task Invalid_node_and_alert_requests_name_the_field()
    {
        await using ControllerFixture c = await ControllerFixture.StartAsync();
        var kind = await PostRaw(c.Http, "/api/nodes", new { id = "bn-x", kind = "siren", community = "kaiyuan-01" });
        Assert.Equal(HttpStatusCode.BadRequest, kind.Status);
        Assert.Contains("kind must be", kind.Detail, StringComparison.Ordinal);
        var community = await PostRaw(c.Http, "/api/nodes", new { id = "bn-x-1", kind = "broadcast", community = "atlantis" });
        Assert.Equal(HttpStatusCode.BadRequest, community.Status);
        Assert.Contains("atlantis", community.Detail, StringComparison.Ordinal);
        var level = await PostRaw(c.Http, "/api/alerts", new { kind = "live", hazard = "typhoon", level = "V", scope = "district", title = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, level.Status);
        Assert.Contains("level must be", level.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_id_is_registered_once_and_a_communitys_speakers_cover_no_more_than_its_residents()
    {
        await using ControllerFixture c = await ControllerFixture.StartAsync();

        // kaiyuan-01 has 2,230 residents in the sample regions; kaiyuan-02's speakers do not count against it.
        await c.PostAsync("/api/nodes", new { id = "bn-kaiyuan-02-big", kind = "broadcast", community = "kaiyuan-02", coveredPopulation = 6000 }, HttpStatusCode.Created);
        await c.PostAsync("/api/nodes", new { id = "sn-kaiyuan-01-a", kind = "sensor", community = "kaiyuan-01" }, HttpStatusCode.Created);
        await c.PostAsync("/api/nodes", new { id = "bn-kaiyuan-01-a", kind = "broadcast", community = "kaiyuan-01", coveredPopulation = 2000 }, HttpStatusCode.Created);

        var over = await PostRaw(c.Http, "/api/nodes", new { id = "bn-kaiyuan-01-b", kind = "broadcast", community = "kaiyuan-01", coveredPopulation = 231 });
        Assert.Equal(HttpStatusCode.BadRequest, over.Status);
        Assert.Contains("(2000) this covers 2231 residents, more than its population of 2230", over.Detail, StringComparison.Ordinal);
        await c.PostAsync("/api/nodes", new { id = "bn-kaiyuan-01-b", kind = "broadcast", community = "kaiyuan-01", coveredPopulation = 230 }, HttpStatusCode.Created);

        var again = await PostRaw(c.Http, "/api/nodes", new { id = "bn-kaiyuan-01-a", kind = "broadcast", community = "kaiyuan-02", coveredPopulation = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("\"bn-kaiyuan-01-a\" is already registered", again.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_district_wide_alert_needs_a_second_person_and_an_operator_cannot_register_nodes()
    {
        await using ControllerFixture c = await ControllerFixture.StartAsync();
        await c.PostAsync("/api/operators", new { name = "duty-officer", role = "operator", password = "operator-password-1" }, HttpStatusCode.Created);
        await c.PostAsync("/api/operators", new { name = "chief", role = "approver", password = "approver-password-1" }, HttpStatusCode.Created);
        JsonElement alert = await c.PostAsync("/api/alerts", new { kind = "live", hazard = "typhoon", level = "II", scope = "district", title = "Typhoon landfall" }, HttpStatusCode.Created);
        string id = alert.GetProperty("id").GetString()!;

        var dispatch = await PostRaw(c.Http, "/api/alerts/" + id + "/dispatch", new { });
        Assert.Equal(HttpStatusCode.Forbidden, dispatch.Status);
        Assert.Contains("second person", dispatch.Detail, StringComparison.Ordinal);
        await c.PostAsync("/api/alerts/" + id + "/submit", new { });
        var self = await PostRaw(c.Http, "/api/alerts/" + id + "/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, self.Status);

        using var chief = new HttpClient { BaseAddress = c.Http.BaseAddress };
        chief.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await c.LoginAsync("chief", "approver-password-1"));
        var approved = await PostRaw(chief, "/api/alerts/" + id + "/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        var cancelled = await PostRaw(chief, "/api/alerts/" + id + "/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, cancelled.Status);

        using var officer = new HttpClient { BaseAddress = c.Http.BaseAddress };
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await c.LoginAsync("duty-officer", "operator-password-1"));
        using HttpResponseMessage register = await officer.PostAsJsonAsync("/api/nodes", new { id = "bn-kaiyuan-02-a", kind = "broadcast", community = "kaiyuan-02" });
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
    }
}
