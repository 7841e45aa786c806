using System.Reflection;
using Hangfire.Common;

namespace Wgig.Translate.Worker.Jobs;

/// <summary>
/// Jobs the API queues by their contract (an interface in Domain.Jobs) carry their Hangfire attributes
/// (retries, concurrency) on the Worker's implementing class, where Hangfire's own provider does not look: it
/// reads the queued type and method, here the interface's. This provider reads the implementation's.
/// </summary>
internal sealed class ImplementationFilterProvider : IJobFilterProvider
{
    private readonly Dictionary<Type, Type> implementations = typeof(ImplementationFilterProvider).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IBackgroundJob).IsAssignableFrom(type))
        .SelectMany(type => type.GetInterfaces().Where(contract => contract != typeof(IBackgroundJob)).Select(contract => (contract, type)))
        .ToDictionary(pair => pair.contract, pair => pair.type);

    // Hangfire's filter providers are process-wide, and the tests start many Worker hosts in one process.
    private static readonly Lazy<bool> Registered = new(() =>
    {
        JobFilterProviders.Providers.Add(new ImplementationFilterProvider());
        return true;
    });

    public static void RegisterOnce() => _ = Registered.Value;

    public IEnumerable<JobFilter> GetFilters(Job job)
    {
        if (job?.Type is not { IsInterface: true } contract || !implementations.TryGetValue(contract, out var implementation))
        {
            return [];
        }
        var map = implementation.GetInterfaceMap(contract);
        var index = Array.IndexOf(map.InterfaceMethods, job.Method);
        var method = index >= 0 ? map.TargetMethods[index] : null;
        return implementation.GetCustomAttributes<JobFilterAttribute>(inherit: true).Select(a => new JobFilter(a, JobFilterScope.Type, null))
            .Concat(method?.GetCustomAttributes<JobFilterAttribute>(inherit: true).Select(a => new JobFilter(a, JobFilterScope.Method, null)) ?? []);
    }
}
