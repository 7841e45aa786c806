using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Wgig.Translate.Domain.Common;

public static class CheckedSettings
{
    /// <summary>
    /// Binds <typeparamref name="TSettings"/> to a configuration section and checks it with its validator generated at
    /// compile time (<c>[OptionsValidator]</c>, see <see cref="Claims.ClaimOptionsValidator"/> for why) as the host starts:
    /// a value out of range stops the start with the setting's name and range.
    /// </summary>
    public static IServiceCollection AddCheckedSettings<TSettings, TValidator>(this IServiceCollection services, string section)
        where TSettings : class
        where TValidator : class, IValidateOptions<TSettings>
    {
        services.AddOptions<TSettings>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TSettings>, TValidator>());
        return services;
    }
}
