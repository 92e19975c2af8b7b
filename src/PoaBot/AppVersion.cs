using System.Reflection;

namespace PoaBot;

/// <summary>The version and commit this binary was built from (InformationalVersion carries "+commit" from SourceRevisionId).</summary>
public static class AppVersion
{
    public static string Informational { get; } =
        typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version without the commit, e.g. "1.0.0".</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The commit the binary was built from, or "desconocido" outside a git checkout.</summary>
    public static string Commit => Informational.Split('+') is [_, var commit, ..] ? commit : "desconocido";

    public static string Line => $"poabot {Version} (commit {Commit})";
}
