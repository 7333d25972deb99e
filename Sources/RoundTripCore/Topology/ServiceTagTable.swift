/// Service-tag and FQDN-tag definitions used offline (no Azure API is called).
///
/// A table is layered; the first layer that defines a tag wins (tag names are matched without regard to case, as
/// Azure matches them):
/// 1. the design's `serviceTags` entries;
/// 2. Azure's weekly "Azure IP Ranges and Service Tags" file, when one is loaded (`roundtrip --service-tags FILE`;
///    read by `ServiceTagFile` in RoundTripImport — Core reads no files);
/// 3. the built-in excerpt: a small representative set, not Azure's full download (docs/semantics-notes.md records
///    the source).
///
/// A well-formed tag name that no layer defines is *unresolved*: the compiler warns (`unresolved-service-tag`) and
/// the route or firewall address list that names it matches nothing for that tag.
public struct ServiceTagTable: Sendable {
    /// Prefixes by tag name (case-insensitive keys, stored lower-cased).
    var tags: [String: [IPv4Prefix]]
    /// Display names by lower-cased key.
    var displayNames: [String: String]
    /// Where the tags beyond the built-in excerpt and the design come from (the loaded files), for messages.
    public internal(set) var origins: [String] = []

    /// The built-in table, overlaid with `overrides`.
    public init(overrides: [ServiceTagSpec] = []) {
        self.init(overrides: overrides, downloaded: nil)
    }

    /// The layered table: the built-in excerpt, then `downloaded` (Azure's Service Tags file) over it, then
    /// `overrides` (the design's `serviceTags`) over both. A layer replaces a lower layer's tag of the same name.
    public init(overrides: [ServiceTagSpec], downloaded: ServiceTagTable?) {
        tags = [:]
        displayNames = [:]
        for (name, prefixes) in ServiceTagTable.excerpt {
            set(name, prefixes.compactMap(IPv4Prefix.init))
        }
        if let downloaded {
            for (key, prefixes) in downloaded.tags { set(downloaded.displayNames[key] ?? key, prefixes) }
            origins = downloaded.origins
        }
        for spec in overrides { set(spec.name, spec.addressPrefixes) }
    }

    /// A table of exactly these tags (no built-in excerpt), such as those of Azure's Service Tags file; `origin`
    /// names where they come from in messages. A name given twice stands for the union of its prefixes.
    public init(entries: [(name: String, prefixes: [IPv4Prefix])], origin: String) {
        tags = [:]
        displayNames = [:]
        origins = [origin]
        for (name, prefixes) in entries {
            let key = name.lowercased()
            if let existing = tags[key] {
                tags[key] = existing + prefixes.filter { !existing.contains($0) }
            } else {
                set(name, prefixes)
            }
        }
    }

    private mutating func set(_ name: String, _ prefixes: [IPv4Prefix]) {
        tags[name.lowercased()] = prefixes
        displayNames[name.lowercased()] = name
    }

    /// The prefixes of a tag (case-insensitive), or nil if unknown.
    public func prefixes(_ tag: String) -> [IPv4Prefix]? { tags[tag.lowercased()] }

    /// Known tag names, sorted.
    public var names: [String] { displayNames.values.sorted() }

    /// The number of known tags.
    public var count: Int { tags.count }

    /// Whether text is a well-formed service-tag name, known or not: a letter, then letters and digits, optionally
    /// one `.` and a qualifier of letters, digits and `-` — `AzureCloud`, `AzureCloud.eastus2`, `Storage.WestEurope`,
    /// `AzureFrontDoor.Backend` (Azure's naming in the Service Tags download; the schema's `serviceTagName`).
    public static func isValidName(_ text: String) -> Bool {
        func isAlphanumeric(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let first = parts[0].unicodeScalars.first, !("0"..."9").contains(first),
            parts[0].unicodeScalars.allSatisfy(isAlphanumeric)
        else { return false }
        return parts.count == 1 || (!parts[1].isEmpty && parts[1].unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" })
    }

    /// Rank for R13a tie-breaking among service-tag routes of identical prefix (lower wins):
    /// regional tag, top-level tag, `AzureCloud.<region>`, `AzureCloud`.
    static func rank(_ tag: String) -> Int {
        let lower = tag.lowercased()
        if lower == "azurecloud" { return 4 }
        if lower.hasPrefix("azurecloud.") { return 3 }
        return lower.contains(".") ? 1 : 2
    }

    /// Representative excerpt of Azure's public service tags (see docs/semantics-notes.md).
    static let excerpt: [(String, [String])] = [
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
