using System.Xml;
using System.Xml.Schema;

namespace Wgig.Translate.Domain.Xliff;

/// <summary>
/// The OASIS schemas, compiled once from the copies embedded in this assembly. Imports resolve to the
/// embedded files by name; nothing is ever fetched.
/// </summary>
public static class XliffSchemas
{
    public const string Core2Namespace = "urn:oasis:names:tc:xliff:document:2.0";
    public const string Core12Namespace = "urn:oasis:names:tc:xliff:document:1.2";

    /// <summary>Refused, except as translate-toolkit's po2xliff writes it (1.2 content under the 1.1 name).</summary>
    public const string Core11Namespace = "urn:oasis:names:tc:xliff:document:1.1";

    private static readonly string[] Version2Files =
    [
        "xliff_core_2.0.xsd", "fs.xsd", "glossary.xsd", "matches.xsd", "metadata.xsd", "resource_data.xsd",
        "size_restriction.xsd", "validation.xsd", "its.xsd", "itsm.xsd", "change_tracking.xsd",
    ];

    private static readonly Lazy<XmlSchemaSet> V2 = new(() => Compile(Version2Files));
    private static readonly Lazy<Dictionary<string, HashSet<string>>> ModuleNames = new(DeclaredModuleNames);
    private static readonly Lazy<XmlSchemaSet> V12 = new(() => Compile(["xliff-core-1.2-strict.xsd"]));

    /// <summary>XLIFF 2.0/2.1 core with the modules whose schemas OASIS publishes.</summary>
    public static XmlSchemaSet Version2 => V2.Value;

    /// <summary>XLIFF 1.2 strict.</summary>
    public static XmlSchemaSet Version12 => V12.Value;

    /// <summary>
    /// The element and attribute names each module schema declares, by namespace. Modules are open to
    /// extension only where they say so: a name in a module's namespace that its schema does not declare
    /// is an error, which the schemas' lax wildcards let through.
    /// </summary>
    public static IReadOnlyDictionary<string, HashSet<string>> ModuleDeclarations => ModuleNames.Value;

    private static Dictionary<string, HashSet<string>> DeclaredModuleNames()
    {
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Version2Files.Skip(1))
        {
            using var stream = Open(file);
            var xsd = System.Xml.Linq.XDocument.Load(stream);
            var targetNamespace = (string?)xsd.Root!.Attribute("targetNamespace") ?? "";
            var declared = xsd.Descendants()
                .Where(e => e.Name.LocalName is "element" or "attribute" && e.Attribute("name") is not null)
                .Select(e => (string)e.Attribute("name")!);
            names.TryAdd(targetNamespace, new HashSet<string>(StringComparer.Ordinal));
            names[targetNamespace].UnionWith(declared);
        }
        return names;
    }

    private static XmlSchemaSet Compile(IEnumerable<string> files)
    {
        var set = new XmlSchemaSet { XmlResolver = new EmbeddedSchemaResolver() };
        foreach (var file in files)
        {
            using var stream = Open(file);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null }, $"embedded:///{file}");
            var schema = XmlSchema.Read(reader, null)!;
            // Imports already brought some modules in; adding them again would declare everything twice.
            if (!set.Contains(schema.TargetNamespace))
            {
                set.Add(schema);
            }
        }
        set.Compile();
        return set;
    }

    private static Stream Open(string file) =>
        typeof(XliffSchemas).Assembly.GetManifestResourceStream($"Wgig.Translate.Domain.Xliff.Schemas.{file}")
        ?? throw new InvalidOperationException($"The schema {file} is not embedded.");

    /// <summary>Resolves a schemaLocation to the embedded file of the same name, and refuses anything else.</summary>
    private sealed class EmbeddedSchemaResolver : XmlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            Open(Path.GetFileName(absoluteUri.AbsolutePath));

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
            new($"embedded:///{Path.GetFileName(relativeUri ?? "")}");
    }
}
