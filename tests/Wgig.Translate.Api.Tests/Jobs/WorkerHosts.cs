using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Jobs;

/// <summary>Test classes that start Worker hosts run one after the other.</summary>
[CollectionDefinition(Name)]
[RunsLong(6)]
public sealed class WorkerHosts
{
    public const string Name = "Worker hosts";
}
