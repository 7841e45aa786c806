using System.Diagnostics;

namespace Wgig.Translate.Tests;

/// <summary>Debian's translate-toolkit as a real peer of our XLIFF (xliff2po, po2xliff).</summary>
public static class TranslateToolkit
{
    public static void Run(string tool, params string[] arguments)
    {
        var path = Path.Combine("/usr/bin", tool);
        Assert.True(File.Exists(path), $"{path} is missing: install Debian's translate-toolkit (./test does when run as root).");
        using var process = Process.Start(new ProcessStartInfo(path, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {errors}");
    }
}
