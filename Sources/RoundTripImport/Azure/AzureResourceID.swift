/// An Azure Resource Manager resource id, parsed and compared the way ARM compares them: without regard to case.
///
/// `/subscriptions/S/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/app` has the
/// subscription `S`, the resource group `rg`, the provider namespace `Microsoft.Network`, the types
/// `[virtualNetworks, subnets]` and the names `[hub, app]`. Azure writes both `resourceGroups` and `resourcegroups`,
/// and any case in provider and type segments; ``normalized`` is the key to use in dictionaries.
public struct AzureResourceID: Hashable, Sendable, CustomStringConvertible {
    /// The id as written.
    public let text: String
    /// The subscription id, when the id has one.
    public let subscription: String?
    /// The resource group's name, when the id has one.
    public let resourceGroup: String?
    /// The provider namespace (`Microsoft.Network`), when the id has one.
    public let provider: String?
    /// The resource type segments after the provider, outermost first (`[virtualNetworks, subnets]`).
    public let types: [String]
    /// The resource names, one per type segment (`[hub, app]`).
    public let names: [String]

    /// Parses an id; nil when the text is not a resource id (it must start with `/` and have name segments).
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace
        guard trimmed.hasPrefix("/") else { return nil }
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !segments.isEmpty else { return nil }
        var subscription: String?
        var group: String?
        var provider: String?
        var types: [String] = []
        var names: [String] = []
        var index = 0
        while index < segments.count {
            let segment = segments[index].lowercased()
            let next = index + 1 < segments.count ? segments[index + 1] : nil
            if provider == nil, segment == "subscriptions", let next {
                subscription = next
                index += 2
            } else if provider == nil, segment == "resourcegroups", let next {
                group = next
                index += 2
            } else if segment == "providers", let next {
                // An extension resource starts again below a nested `providers` segment; the last one counts.
                provider = next
                types = []
                names = []
                index += 2
            } else {
                types.append(segments[index])
                names.append(next ?? "")
                index += 2
            }
        }
        guard provider != nil || !types.isEmpty || group != nil || subscription != nil else { return nil }
        self.text = trimmed
        self.subscription = subscription
        self.resourceGroup = group
        self.provider = provider
        self.types = types
        self.names = names
    }

    /// The resource's own name (the last name segment: `app` for a subnet id).
    public var name: String { names.last ?? resourceGroup ?? subscription ?? "" }

    /// The full resource type, `Microsoft.Network/virtualNetworks/subnets` (empty without a provider).
    public var type: String {
        guard let provider else { return types.joined(separator: "/") }
        return ([provider] + types).joined(separator: "/")
    }

    /// The parent resource of a child resource (the VNet of a subnet id), nil for a top-level resource.
    public var parent: AzureResourceID? {
        guard types.count > 1 else { return nil }
        var segments: [String] = []
        if let subscription { segments += ["subscriptions", subscription] }
        if let resourceGroup { segments += ["resourceGroups", resourceGroup] }
        if let provider { segments += ["providers", provider] }
        for (type, name) in zip(types.dropLast(), names.dropLast()) { segments += [type, name] }
        return AzureResourceID("/" + segments.joined(separator: "/"))
    }

    /// The id of a child resource of this one (`hub` + `subnets`, `app`).
    public func child(_ type: String, _ name: String) -> AzureResourceID {
        AzureResourceID(text + "/" + type + "/" + name) ?? self
    }

    /// The key ids compare by: lowercased, without surrounding white space or a trailing `/`.
    public var normalized: String { Self.normalize(text) }

    /// The normalized form of any id text (see ``normalized``).
    public static func normalize(_ text: String) -> String {
        var key = text.trimmingWhitespace.lowercased()
        while key.count > 1, key.hasSuffix("/") { key.removeLast() }
        return key
    }

    /// Whether two ids name the same resource, ignoring case.
    public static func == (lhs: AzureResourceID, rhs: AzureResourceID) -> Bool { lhs.normalized == rhs.normalized }

    /// Hashes the normalized form.
    public func hash(into hasher: inout Hasher) { hasher.combine(normalized) }

    /// The id as written.
    public var description: String { text }

    /// Whether two resource types are the same, ignoring case (`microsoft.network/virtualnetworks`).
    public static func sameType(_ lhs: String, _ rhs: String) -> Bool { lhs.lowercased() == rhs.lowercased() }
}

extension String {
    /// The text without leading and trailing white space.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
