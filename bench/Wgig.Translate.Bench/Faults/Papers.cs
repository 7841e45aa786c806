using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using LibGit2Sharp;

namespace Wgig.Translate.Bench.Faults;

/// <summary>Source papers for the scenarios, cut from the WGIG sample report, and the Git repositories that hold them.</summary>
internal static class Papers
{
    private static readonly Lazy<string[]> Paragraphs = new(() =>
        Encoding.UTF8.GetString(ImportPipeline.Sample(1)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => !p.StartsWith('#')).ToArray());

    /// <summary>A Markdown paper of about <paramref name="paragraphs"/> paragraphs; papers with different numbers differ.</summary>
    public static string Markdown(int number, int paragraphs)
    {
        var text = new StringBuilder($"# Paper {number}\n\n");
        for (var i = 0; i < paragraphs; i++)
        {
            text.Append(Paragraphs.Value[(number * 7 + i) % Paragraphs.Value.Length]).Append("\n\n");
        }
        return text.ToString();
    }

    /// <summary>A bare repository whose main branch holds the papers under papers/en/.</summary>
    public static string CreateRepository(string directory, int papers, int paragraphs)
    {
        Repository.Init(directory, isBare: true);
        using var repository = new Repository(directory);
        var tree = new TreeDefinition();
        for (var i = 1; i <= papers; i++)
        {
            tree.Add($"papers/en/paper-{i:D3}.md", repository.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(Markdown(i, paragraphs)))),
                Mode.NonExecutableFile);
        }
        var signature = new Signature("WGIG secretariat", "secretariat@wgig.invalid", DateTimeOffset.UtcNow);
        var commit = repository.ObjectDatabase.CreateCommit(signature, signature, "The papers", repository.ObjectDatabase.CreateTree(tree), [], false);
        repository.Refs.Add("refs/heads/main", commit.Id);
        return directory;
    }

    /// <summary>The commits on the branch whose message carries the publication's marker.</summary>
    public static List<(string Sha, string Tree)> CommitsOf(string directory, string branch, Guid publicationId)
    {
        using var repository = new Repository(directory);
        return repository.Branches[branch]?.Commits.Where(c => c.Message.Contains($"Wgig-Publication: {publicationId}", StringComparison.Ordinal))
            .Select(c => (c.Sha, c.Tree.Sha)).ToList() ?? [];
    }

    /// <summary>Paths in the tree of a commit.</summary>
    public static HashSet<string> PathsIn(string directory, string commitSha)
    {
        using var repository = new Repository(directory);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        void Walk(Tree tree, string prefix)
        {
            foreach (var entry in tree)
            {
                if (entry.TargetType == TreeEntryTargetType.Tree)
                {
                    Walk((Tree)entry.Target, prefix + entry.Name + "/");
                }
                else
                {
                    paths.Add(prefix + entry.Name);
                }
            }
        }
        Walk(repository.Lookup<Commit>(commitSha).Tree, "");
        return paths;
    }

    /// <summary>Lock files a killed writer may leave (refs/heads/main.lock, packed-refs.lock, index.lock): each would block every later writer.</summary>
    public static List<string> LockFiles(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.lock", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f))];

    /// <summary>git fsck: every object and ref intact. Objects written by an attempt that died unreferenced are dangling, which is no error.</summary>
    public static (bool Intact, string Output) Fsck(string directory)
    {
        var info = new ProcessStartInfo("git", ["--git-dir", directory, "fsck", "--no-dangling", "--no-progress"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_CONFIG_PARAMETERS"] = $"'safe.directory={directory}'";
        using var git = Process.Start(info)!;
        var output = git.StandardOutput.ReadToEnd() + git.StandardError.ReadToEnd();
        git.WaitForExit();
        return (git.ExitCode == 0, output.Trim());
    }

    /// <summary>
    /// A CAT tool's work on an exported XLIFF (2.x or 1.2): every unit's source copied to its target behind a mark
    /// ("[fr] ", or one per unit), inline codes kept.
    /// </summary>
    public static byte[] TranslateXliff(string exported, out int units, Func<int, string>? mark = null)
    {
        var document = XDocument.Parse(exported);
        var x = document.Root!.Name.Namespace;
        var sources = document.Descendants(x + "source").Where(s => s.Parent!.Name.LocalName is "segment" or "trans-unit").ToList();
        foreach (var (source, index) in sources.Select((s, i) => (s, i)))
        {
            source.Parent!.Element(x + "target")?.Remove();
            source.AddAfterSelf(new XElement(x + "target", new XText(mark?.Invoke(index) ?? "[fr] "), source.Nodes().Select(n => n is XElement e ? new XElement(e) : n is XText t ? new XText(t) : n)));
        }
        units = sources.Count;
        return Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
    }
}
