using System.Text.RegularExpressions;
using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Publishing;

public sealed record LocalRepositoryRefused(string Name, string Why) : ForbiddenError("Repository outside the root",
    $"The local repository '{Name}' is refused: {Why}");

/// <summary>
/// A local Git repository is named by its path below the configured root (<c>Repositories:LocalRoot</c>), never by
/// a path of its own: "papers.git" or "team/papers.git". Absolute paths, "..", and symbolic links leading out
/// of the root are refused, so a connection can reach no other directory of the Worker's disk.
/// </summary>
public static partial class LocalRepositoryPath
{
    /// <summary>Why a name cannot name a repository below the root (checked when a connection is saved), or null.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "give the repository's path below the local root, e.g. \"papers.git\".";
        }
        if (Path.IsPathRooted(name) || name.StartsWith('/') || name.StartsWith('\\') || name.Contains(':', StringComparison.Ordinal))
        {
            return "it is an absolute path; name the repository by its path below the local root, e.g. \"papers.git\".";
        }
        var steps = name.Split('/');
        if (steps.Any(s => s is "" or "." or ".."))
        {
            return "a path below the local root has no '..', '.' or empty steps.";
        }
        return steps.All(s => Step().IsMatch(s)) ? null
            : "each step of the path is letters, digits, '.', '-' or '_' (and does not start with '.').";
    }

    /// <summary>The repository's full path, once the name is valid and nothing on the way leads out of the root.</summary>
    public static Result<string> Resolve(string root, string name)
    {
        if (Problem(name) is { } problem)
        {
            return new LocalRepositoryRefused(name, problem);
        }
        var rootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var path = rootPath;
        foreach (var step in name.Split('/'))
        {
            path = Path.Combine(path, step);
            var info = new DirectoryInfo(path);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? "";
                if (!IsBelow(rootPath, target))
                {
                    return new LocalRepositoryRefused(name, "a symbolic link on its path leads out of the local root.");
                }
            }
        }
        return IsBelow(rootPath, path) ? path : new LocalRepositoryRefused(name, "it is not below the local root.");
    }

    private static bool IsBelow(string root, string path) =>
        Path.GetFullPath(path).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9_\-][A-Za-z0-9_.\-]{0,99}$")]
    private static partial Regex Step();
}
