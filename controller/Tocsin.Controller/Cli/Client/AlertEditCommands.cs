using System.CommandLine;

namespace Tocsin.Controller.Cli.Client;

/// <summary><c>alert create</c> and <c>alert update</c>: their options go to the controller as they are; it validates them.</summary>
public static class AlertEditCommands
{
    /// <summary><c>alert create</c>.</summary>
    public static Command Create(ClientOptions common)
    {
        var kind = new Option<string>("--kind") { Description = "live or drill", Required = true };
        var hazard = new Option<string>("--hazard") { Description = "rainstorm, waterlogging, typhoon, flood, geological, earthquake, fire or other", Required = true };
        var level = new Option<string>("--level") { Description = "I, II, III, IV or info", Required = true };
        var scope = new Option<string>("--scope") { Description = "district, streets or communities", DefaultValueFactory = _ => "district" };
        Option<string[]?> targets = ListOptions.Names("--targets", "street or community ids, comma-separated (not for district)");
        var title = new Option<string>("--title") { Description = "short title", Required = true };
        var text = new Option<string?>("--text") { Description = "message text (default: the title)" };
        Option<int[]?> clips = ListOptions.Numbers("--clips", "voice clip numbers, comma-separated");
        var siren = new Option<string?>("--siren") { Description = "none, wail, steady, hilo or pulse (default wail)" };
        var repeat = new Option<int?>("--repeat") { Description = "how many times the message repeats (default 3)" };
        var expires = new Option<int?>("--expires-in") { Description = "minutes of validity from now, 1-1440 (default 60)" };
        return ClientCommand.Create("create", "Create an alert as a draft.", common, async call =>
        {
            var request = new
            {
                kind = call.Value(kind),
                hazard = call.Value(hazard),
                level = call.Value(level),
                scope = call.Value(scope),
                targets = call.Value(targets),
                title = call.Value(title),
                text = call.Value(text),
                clips = call.Value(clips),
                siren = call.Value(siren),
                repeat = call.Value(repeat),
                expiresInMinutes = call.Value(expires),
            };
            ApiAnswer answer = await call.Api.PostAsync("/api/alerts", request, call.Cancellation).ConfigureAwait(false);
            return await call.ShowAsync(answer, a => "created " + AlertViews.Summary(a)).ConfigureAwait(false);
        }, kind, hazard, level, scope, targets, title, text, clips, siren, repeat, expires);
    }

    /// <summary><c>alert update</c>.</summary>
    public static Command Update(ClientOptions common)
    {
        var id = new Argument<string>("id") { Description = "alert id" };
        var level = new Option<string?>("--level") { Description = "new level: I, II, III, IV or info" };
        var title = new Option<string?>("--title") { Description = "new title" };
        var text = new Option<string?>("--text") { Description = "new message text" };
        Option<int[]?> clips = ListOptions.Numbers("--clips", "new voice clip numbers, comma-separated");
        var expires = new Option<int?>("--expires-in") { Description = "new validity in minutes from now, 1-1440" };
        return ClientCommand.Create("update", "Change a dispatched alert's level, message or expiry; re-sends to the same speakers.", common, async call =>
        {
            var request = new { level = call.Value(level), title = call.Value(title), text = call.Value(text), clips = call.Value(clips), expiresInMinutes = call.Value(expires) };
            ApiAnswer answer = await call.Api.PostAsync("/api/alerts/" + Uri.EscapeDataString(call.Value(id)!) + "/update", request, call.Cancellation).ConfigureAwait(false);
            return await call.ShowAsync(answer, a => "updated " + AlertViews.Summary(a)).ConfigureAwait(false);
        }, id, level, title, text, clips, expires);
    }
}
