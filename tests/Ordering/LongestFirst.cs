using Xunit.Abstractions;
using Xunit.Sdk;

namespace Wgig.Translate.Tests;

/// <summary>
/// A test class (or a collection definition) that takes long, with the seconds it took on the two-core machine
/// (docs/testing.md): <see cref="LongestFirst"/> starts it before the others.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute(double seconds) : Attribute
{
    public double Seconds { get; } = seconds;
}

/// <summary>
/// Starts the test collections that run longest first, longest of all first, then the rest in xunit's own order. A test
/// process runs two collections at a time: a long one started last ran on alone while the other core idled (the
/// authorization matrix's 10 s were the API tests' last 10 s). Every test project names it in tests/Directory.Build.props.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private const string PerClass = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(Seconds).ThenBy(collection => collection.UniqueID);

    private static double Seconds(ITestCollection collection)
    {
        // A class without [Collection] is a collection of its own, named after the class.
        var type = collection.CollectionDefinition ?? (collection.DisplayName.StartsWith(PerClass, StringComparison.Ordinal)
            ? collection.TestAssembly.Assembly.GetType(collection.DisplayName[PerClass.Length..])
            : null);
        var runsLong = type?.GetCustomAttributes(typeof(RunsLongAttribute)).FirstOrDefault();
        return runsLong?.GetConstructorArguments().FirstOrDefault() is double seconds ? seconds : 0;
    }
}
