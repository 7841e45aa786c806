using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Worker.Publishing;

namespace Wgig.Translate.Worker.Tests.Jobs;

public sealed class JobContractsTests
{
    public static TheoryData<Type> Contracts() =>
        [.. typeof(IPublishTranslations).Assembly.GetTypes().Where(t => t.IsInterface && t.Namespace == typeof(IPublishTranslations).Namespace)];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_job_contract_the_api_queues_resolves_to_a_worker_job(Type contract)
    {
        var services = new ServiceCollection();
        services.AddJobs();
        Assert.Single(services, d => d.ServiceType == contract);
    }

    [Fact]
    public void A_job_queued_by_its_contract_keeps_the_retries_its_implementation_declares_and_no_lock_a_dead_worker_leaves_behind()
    {
        new ServiceCollection().AddJobs();
        var job = Job.FromExpression<IPublishTranslations>(j => j.RunAsync(Guid.Empty, CancellationToken.None));

        var filters = JobFilterProviders.Providers.GetFilters(job).Select(f => f.Instance).ToList();

        Assert.Equal(5, Assert.Single(filters.OfType<AutomaticRetryAttribute>()).Attempts);
        // One at a time per project is ProjectLocks' work: Hangfire's lock row would outlive a killed Worker by ten minutes.
        Assert.Empty(filters.OfType<DisableConcurrentExecutionAttribute>());
        Assert.DoesNotContain(JobFilterProviders.Providers.GetFilters(Job.FromExpression<ISyncRepository>(j => j.RunAsync(Guid.Empty, CancellationToken.None)))
            .Select(f => f.Instance).OfType<AutomaticRetryAttribute>(), retry => retry.Attempts == 5);
        Assert.True(typeof(IPublishTranslations).IsAssignableFrom(typeof(PublishTranslations)));
    }
}
