using System.Text.Json;

namespace Tocsin.Controller.Cli.Client;

/// <summary>
/// The session file: <c>$XDG_CONFIG_HOME/tocsin/session.json</c>, else <c>~/.config/tocsin/session.json</c>,
/// readable by its owner only (0600). The environment is read at each call.
/// </summary>
public static class SessionStore
{
    private static readonly AsyncLocal<string?> ConfigHomeOverride = new();

    /// <summary>The address used when neither <c>--api</c> nor a session names one.</summary>
    public const string DefaultApi = "http://127.0.0.1:8080";

    /// <summary>For tests: a config home used instead of the environment's, for this async flow.</summary>
    internal static string? ConfigHome
    {
        get => ConfigHomeOverride.Value;
        set => ConfigHomeOverride.Value = value;
    }

    /// <summary>The session file's path.</summary>
    public static string FilePath
    {
        get
        {
            string? home = ConfigHome;
            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            }

            if (string.IsNullOrEmpty(home))
            {
                home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            }

            return Path.Combine(home, "tocsin", "session.json");
        }
    }

    /// <summary>The stored session, or null when there is none or it cannot be read.</summary>
    public static CliSession? Load()
    {
        string path = FilePath;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CliSession>(File.ReadAllText(path), CliJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the session, owner-only.</summary>
    public static void Save(CliSession session)
    {
        string path = FilePath;
        string directory = Path.GetDirectoryName(path)!;
        string json = JsonSerializer.Serialize(session, CliJson.Options);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, json);
            return;
        }

        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(json);
        }

        // An existing file keeps its old mode on FileMode.Create; tighten it either way.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Deletes the session file; true when there was one.</summary>
    public static bool Delete()
    {
        string path = FilePath;
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}
