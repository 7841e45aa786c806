using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Wgig.Translate.Domain.Security;

namespace Wgig.Translate.Security;

/// <summary>Bound from "DataProtection".</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// 32 random bytes in base64 that encrypt the key ring stored in the database (AES-256-GCM). It lives outside
    /// the database (./run keeps it in .data/keyring.key), so a dump of the database alone opens no credential.
    /// Every API and Worker process of one database needs the same one.
    /// </summary>
    public string? KeyRingKey { get; set; }

    internal byte[] Key()
    {
        try
        {
            var key = Convert.FromBase64String(KeyRingKey ?? "");
            if (key.Length == 32)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }
        throw new InvalidOperationException(
            $"{Section}:{nameof(KeyRingKey)} (environment: {Section}__{nameof(KeyRingKey)}) must be 32 random bytes in base64, the same for every API " +
            "and Worker process of the database, e.g. from `head -c 32 /dev/urandom | base64`. ./run keeps one in .data/keyring.key.");
    }
}

/// <summary>
/// ASP.NET Core Data Protection for both processes (this file is compiled into the API and the Worker): one
/// application name, the key ring in PostgreSQL (table translate.data_protection_keys) so every process shares
/// it, each key encrypted with <see cref="KeyRingOptions.KeyRingKey"/>. Credentials are sealed through it
/// (<see cref="ICredentialProtector"/>).
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "Wgig.Translate";

    public static IServiceCollection AddKeyRing(this IServiceCollection services)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section)
            .Validate(o => { o.Key(); return true; }).ValidateOnStart();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource, IOptions<KeyRingOptions>>((options, dataSource, keyRing) =>
        {
            options.XmlRepository = new PostgresKeyRepository(dataSource);
            options.XmlEncryptor = new KeyRingEncryptor(keyRing.Value.Key());
        });
        services.AddSingleton<ICredentialProtector, DataProtectionCredentialProtector>();
        return services;
    }

    /// <summary>
    /// Makes sure the key ring has a key before any process starts, so API and Worker processes starting together
    /// do not each make their own (set-up step).
    /// </summary>
    public static void EnsureKey(IServiceProvider services) => services.GetRequiredService<ICredentialProtector>().Protect("key ring check");

    // Keys name the type that decrypts them, with its assembly; this file is compiled into both processes, so
    // the stored name leaves the assembly out and each process reads it as its own.
    private const string DecryptorAttribute = "decryptorType";
    private static readonly string StoredDecryptorName = typeof(KeyRingDecryptor).FullName!;

    private sealed class PostgresKeyRepository(NpgsqlDataSource dataSource) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var command = dataSource.CreateCommand("SELECT xml FROM translate.data_protection_keys ORDER BY created_at, id");
            using var reader = command.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read())
            {
                var element = XElement.Parse(reader.GetString(0));
                foreach (var named in element.DescendantsAndSelf().Attributes(DecryptorAttribute).Where(a => a.Value == StoredDecryptorName))
                {
                    named.Value = typeof(KeyRingDecryptor).AssemblyQualifiedName!;
                }
                elements.Add(element);
            }
            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            foreach (var named in element.DescendantsAndSelf().Attributes(DecryptorAttribute).Where(a => a.Value == typeof(KeyRingDecryptor).AssemblyQualifiedName))
            {
                named.Value = StoredDecryptorName;
            }
            using var command = dataSource.CreateCommand("INSERT INTO translate.data_protection_keys (id, friendly_name, xml, created_at) VALUES (gen_random_uuid(), $1, $2, now())");
            command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
            command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
            command.ExecuteNonQuery();
        }
    }

    private sealed class KeyRingEncryptor(byte[] key) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        {
            var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
            var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
            var ciphertext = new byte[plaintext.Length];
            var tag = new byte[AesGcm.TagByteSizes.MaxSize];
            using (var aes = new AesGcm(key, tag.Length))
            {
                aes.Encrypt(nonce, plaintext, ciphertext, tag);
            }
            return new EncryptedXmlInfo(new XElement("keyRingEncrypted",
                new XAttribute("nonce", Convert.ToBase64String(nonce)), new XAttribute("tag", Convert.ToBase64String(tag)),
                Convert.ToBase64String(ciphertext)), typeof(KeyRingDecryptor));
        }
    }

    /// <summary>Made by Data Protection through its service-provider constructor when it reads a key.</summary>
    internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement)
        {
            var key = services.GetRequiredService<IOptions<KeyRingOptions>>().Value.Key();
            var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
            var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
            var ciphertext = Convert.FromBase64String(encryptedElement.Value);
            var plaintext = new byte[ciphertext.Length];
            using (var aes = new AesGcm(key, tag.Length))
            {
                aes.Decrypt(nonce, ciphertext, tag, plaintext);
            }
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
        }
    }

    private sealed class DataProtectionCredentialProtector(IDataProtectionProvider provider) : ICredentialProtector
    {
        // The marker tells a sealed value from one stored in plain text before sealing existed.
        private const string Marker = "sealed:v1:";
        private readonly IDataProtector _protector = provider.CreateProtector("Wgig.Translate.Credentials.v1");

        public string Protect(string plaintext) => Marker + _protector.Protect(plaintext);

        public string Unprotect(string stored) => IsProtected(stored) ? _protector.Unprotect(stored[Marker.Length..]) : stored;

        public bool IsProtected(string stored) => stored.StartsWith(Marker, StringComparison.Ordinal);
    }
}
