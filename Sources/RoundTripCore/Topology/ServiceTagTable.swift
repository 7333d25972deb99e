/// Service-tag and FQDN-tag definitions used offline (no Azure API is called).
///
/// The built-in service-tag prefixes are a small representative excerpt, not Azure's full weekly
/// download; a design that depends on exact ranges lists them under `serviceTags`, which overrides
/// the built-in entry of the same name. docs/semantics-notes.md records the source.
public struct ServiceTagTable: Sendable {
    /// Prefixes by tag name (case-insensitive keys, stored lower-cased).
    var tags: [String: [IPv4Prefix]]
    /// Display names by lower-cased key.
    var displayNames: [String: String]

    /// The built-in table, overlaid with `overrides`.
    public init(overrides: [ServiceTagSpec] = []) {
        tags = [:]
        displayNames = [:]
        for (name, prefixes) in ServiceTagTable.builtIn {
            set(name, prefixes.compactMap(IPv4Prefix.init))
        }
        for spec in overrides { set(spec.name, spec.addressPrefixes) }
    }

    private mutating func set(_ name: String, _ prefixes: [IPv4Prefix]) {
        tags[name.lowercased()] = prefixes
        displayNames[name.lowercased()] = name
    }

    /// The prefixes of a tag, or nil if unknown.
    public func prefixes(_ tag: String) -> [IPv4Prefix]? { tags[tag.lowercased()] }

    /// Known tag names, sorted.
    public var names: [String] { displayNames.values.sorted() }

    /// Rank for R13a tie-breaking among service-tag routes of identical prefix (lower wins):
    /// regional tag, top-level tag, `AzureCloud.<region>`, `AzureCloud`.
    static func rank(_ tag: String) -> Int {
        let lower = tag.lowercased()
        if lower == "azurecloud" { return 4 }
        if lower.hasPrefix("azurecloud.") { return 3 }
        return lower.contains(".") ? 1 : 2
    }

    /// Representative excerpt of Azure's public service tags (see docs/semantics-notes.md).
    static let builtIn: [(String, [String])] = [
        ("AzureCloud", ["13.64.0.0/11", "20.0.0.0/11", "40.64.0.0/10", "52.224.0.0/11"]),
        ("AzureCloud.westeurope", ["13.69.0.0/17", "13.80.0.0/15", "20.50.0.0/18", "40.68.0.0/14"]),
        ("AzureCloud.northeurope", ["13.69.128.0/17", "13.70.192.0/18", "20.50.64.0/18"]),
        ("AzureKubernetesService", ["20.50.8.0/24"]),
        ("Storage.westeurope", ["20.38.108.0/23", "20.47.7.0/24"]),
        ("Sql.westeurope", ["13.69.105.0/24", "20.50.73.0/24"]),
        ("AzureContainerRegistry.westeurope", ["20.50.72.0/24", "51.105.74.0/24"]),
    ]
}

/// FQDN tags for firewall application rules, expanded to the FQDNs they stand for.
public enum FQDNTags {
    /// The FQDNs behind a tag in a region, or nil if the tag is unknown.
    ///
    /// `AzureKubernetesService` follows the AKS required-egress list (azure-semantics K3).
    public static func fqdns(_ tag: String, region: String) -> [String]? {
        switch tag.lowercased() {
        case "azurekubernetesservice":
            return [
                "*.hcp.\(region).azmk8s.io", "mcr.microsoft.com", "*.data.mcr.microsoft.com",
                "management.azure.com", "login.microsoftonline.com", "packages.microsoft.com",
                "acs-mirror.azureedge.net",
            ]
        case "windowsupdate":
            return ["*.update.microsoft.com", "*.windowsupdate.com", "download.windowsupdate.com"]
        case "azurebackup":
            return ["*.backup.windowsazure.com", "*.blob.core.windows.net"]
        default:
            return nil
        }
    }

    /// Known tag names.
    public static let names = ["AzureBackup", "AzureKubernetesService", "WindowsUpdate"]

    /// Whether an FQDN matches a pattern (`*.example.com` matches any deeper name, case-insensitive).
    public static func matches(_ fqdn: String, pattern: String) -> Bool {
        let name = fqdn.lowercased()
        let pat = pattern.lowercased()
        if pat == "*" { return true }
        if pat.hasPrefix("*.") {
            let suffix = pat.dropFirst(1)  // ".example.com"
            return name.hasSuffix(suffix) && name.count > suffix.count
        }
        return name == pat
    }
}
