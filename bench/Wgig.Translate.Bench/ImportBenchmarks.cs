using BenchmarkDotNet.Attributes;
using Markdig;

namespace Wgig.Translate.Bench;

/// <summary>
/// The import of the sample report repeated 200 times (3.7 MB), against the named baseline: Markdig's own
/// parse of the same text, the least any Markdown import must do.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private byte[] _markdown = [];
    private string _text = "";

    [Params(200)]
    public int Repeat { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _markdown = ImportPipeline.Sample(Repeat);
        _text = System.Text.Encoding.UTF8.GetString(_markdown);
    }

    [Benchmark(Baseline = true, Description = "Markdig parse (baseline)")]
    public int MarkdigParse() => Markdown.Parse(_text).Count;

    [Benchmark(Description = "Split + segment + write XLIFF 2.1")]
    public int Import() => ImportPipeline.Run(_markdown, Stream.Null);
}
