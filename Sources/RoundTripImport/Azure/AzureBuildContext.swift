import RoundTripCore

/// The state of one ``AzureDesignBuilder/build(_:name:file:)`` run: the resources by type and id, the names given
/// to what was built (by normalized resource id), the design, the summary and the errors.
final class AzureBuildContext {
    /// The resources, by lowercased type.
    var byType: [String: [AzureResource]] = [:]
    /// Every resource by normalized id.
    var byID: [String: AzureResource] = [:]
    /// Child resources given on their own, by normalized parent id and lowercased child type segment.
    var children: [String: [AzureResource]] = [:]
    /// The normalized ids of resources that were read into the design or noted.
    var handled: Set<String> = []
    /// Element names by normalized resource id: public IPs, route tables, NAT gateways, VNets, gateways, load
    /// balancers, firewalls, application gateways, local network gateways.
    var names: [String: String] = [:]
    /// `VNET/SUBNET` by normalized subnet id.
    var subnets: [String: String] = [:]
    /// The workload name that owns each NIC (by normalized NIC id) and each NIC ipConfiguration.
    var owners: [String: String] = [:]
    /// Load balancer and application gateway pool members (workload names) by normalized pool id.
    var poolMembers: [String: [String]] = [:]
    /// The design being built.
    var design: Design
    /// What was read, skipped and unknown.
    var summary = ImportSummary()
    /// Errors found.
    var diagnostics: [Diagnostic] = []

    init(_ resources: [AzureResource], design: Design) {
        self.design = design
        let renamed = Self.qualifiedNames(resources)
        for var resource in resources {
            let key = AzureResourceID.normalize(resource.id)
            if byID[key] != nil {
                // The same resource twice (two exports of one estate): the first one counts.
                continue
            }
            if let name = renamed[key] {
                summary.skipped.append(
                    ImportSummary.Note(
                        resource: resource.id, what: "name",
                        reason: "other resources of this type are also named '\(resource.name)'; read as '\(name)'",
                        location: resource.source))
                resource.name = name
            }
            byID[key] = resource
            byType[resource.type.lowercased(), default: []].append(resource)
            if let id = AzureResourceID(resource.id), let parent = id.parent, let segment = id.types.last {
                children[parent.normalized + "|" + segment.lowercased(), default: []].append(resource)
            }
        }
    }

    /// Names for top-level resources whose name is shared with another resource of the same type (two resource
    /// groups each with a route table `rt-spoke`): `NAME@RESOURCE-GROUP`, and `NAME@RESOURCE-GROUP@SUBSCRIPTION`
    /// when the resource group names repeat too. Keyed by normalized id; names used once are not listed.
    static func qualifiedNames(_ resources: [AzureResource]) -> [String: String] {
        var byName: [String: [(key: String, name: String, id: AzureResourceID?)]] = [:]
        var seen: Set<String> = []
        for resource in resources {
            let key = AzureResourceID.normalize(resource.id)
            guard seen.insert(key).inserted else { continue }
            let id = AzureResourceID(resource.id)
            guard (id?.types.count ?? 1) == 1 else { continue }
            byName[resource.type.lowercased() + "|" + resource.name.lowercased(), default: []].append((key, resource.name, id))
        }
        var result: [String: String] = [:]
        for group in byName.values where group.count > 1 {
            let groups = group.map { ($0.id?.resourceGroup ?? "").lowercased() }
            for (index, member) in group.enumerated() {
                let resourceGroup = member.id?.resourceGroup ?? "rg\(index + 1)"
                var qualified = "\(member.name)@\(resourceGroup)"
                if groups.filter({ $0 == resourceGroup.lowercased() }).count > 1 {
                    qualified += "@\(member.id?.subscription ?? String(index + 1))"
                }
                result[member.key] = qualified
            }
        }
        return result
    }

    /// The resources of one type (`Microsoft.Network/virtualNetworks`, any case), in input order.
    func resources(_ type: String) -> [AzureResource] { byType[type.lowercased()] ?? [] }

    /// Counts a resource as read into the design.
    func read(_ resource: AzureResource) {
        handled.insert(AzureResourceID.normalize(resource.id))
        summary.read[Self.canonicalType(resource.type), default: 0] += 1
    }

    /// Notes a resource type or property passed over.
    func skip(_ resource: AzureResource, _ what: String, _ reason: String, at location: SourceLocation? = nil) {
        summary.skipped.append(
            ImportSummary.Note(resource: resource.id, what: what, reason: reason, location: location ?? resource.source))
    }

    /// Notes a value that cannot be known from the input.
    func unknown(_ resource: AzureResource, _ what: String, _ reason: String, at location: SourceLocation? = nil) {
        summary.unknown.append(
            ImportSummary.Note(resource: resource.id, what: what, reason: reason, location: location ?? resource.source))
    }

    /// Records an error.
    func error(_ code: Diagnostic.Code, at location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, code, at: location, message, hint: hint))
    }

    /// The name given to a referenced resource, or nil with an unknown note when it is not in the inputs.
    func name(of id: String?, from resource: AzureResource, _ what: String, at location: SourceLocation) -> String? {
        guard let id else { return nil }
        if let name = names[id] { return name }
        unknown(resource, what, "refers to \(id), which is not in the inputs; the association is left out", at: location)
        return nil
    }

    /// The `VNET/SUBNET` of a referenced subnet, or nil with an unknown note when it is not in the inputs.
    func subnet(_ id: String?, from resource: AzureResource, _ what: String, at location: SourceLocation) -> String? {
        guard let id else { return nil }
        if let subnet = subnets[id] { return subnet }
        unknown(resource, what, "refers to subnet \(id), which is not in the inputs", at: location)
        return nil
    }

    /// The child elements of a resource, written inline under `key` in its properties and given as separate
    /// resources of the child type `segment`, without duplicates (the inline one first).
    func children(
        of resource: AzureResource, key: String, segment: String
    ) -> [(name: String, id: String, props: AzureProps, resource: AzureResource)] {
        var result: [(name: String, id: String, props: AzureProps, resource: AzureResource)] = []
        var seen: Set<String> = []
        for element in AzureProps(properties: resource, context: self).objects(key) {
            let name = element.string("name").map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? ""
            let childID = element.string("id") ?? "\(resource.id)/\(segment)/\(name)"
            let id = AzureResourceID.normalize(childID)
            guard seen.insert(id).inserted else { continue }
            // An inline child is read as a resource of its own, so that notes and locations name its id.
            let start = element.location
            var child = AzureResource(
                id: childID, type: "\(resource.type)/\(segment)", name: name, region: resource.region,
                properties: element.properties.object,
                source: SourceLocation(
                    file: start.file, line: start.line, column: start.column, resourceID: childID, jsonPointer: element.pointer.description)
            )
            child.propertiesPointer = element.properties.pointer.description
            result.append((name, id, AzureProps(properties: child, context: self), child))
        }
        for child in children[AzureResourceID.normalize(resource.id) + "|" + segment.lowercased()] ?? [] {
            let id = AzureResourceID.normalize(child.id)
            handled.insert(id)
            guard seen.insert(id).inserted else { continue }
            read(child)
            result.append((child.name, id, AzureProps(properties: child, context: self), child))
        }
        return result
    }

    /// An IPv4 address, or nil with an error at its location.
    func address(_ text: String, at location: SourceLocation) -> IPv4Address? {
        if let address = IPv4Address(text.trimmingWhitespace) { return address }
        error(.badAddress, at: location, "expected an IPv4 address like 10.0.0.4, found '\(text)'")
        return nil
    }

    /// An IPv4 prefix (a plain address is a /32); an IPv6 prefix is noted as skipped, anything else is an error.
    func prefix(_ text: String, at location: SourceLocation, resource: AzureResource) -> IPv4Prefix? {
        let trimmed = text.trimmingWhitespace
        if trimmed.contains(":") {
            skip(resource, "IPv6 prefix \(trimmed)", "IPv6 is not modelled", at: location)
            return nil
        }
        switch IPv4Prefix.parse(trimmed) {
        case .success(let prefix): return prefix
        case .failure(.hostBitsSet(let fixed)):
            error(.badPrefix, at: location, "prefix '\(text)' has host bits set", hint: "did you mean \(fixed)?")
        case .failure:
            error(.badPrefix, at: location, "expected a CIDR prefix like 10.0.0.0/16, found '\(text)'")
        }
        return nil
    }

    /// An Azure enum value matched without regard to case, or nil with an error at its location.
    func choice<T: RawRepresentable & CaseIterable>(_ text: String?, _ type: T.Type, at location: SourceLocation, _ what: String) -> T?
    where T.RawValue == String {
        guard let text else { return nil }
        if let value = T.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { return value }
        error(
            .badValue, at: location, "\(what) '\(text)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    /// The type as Azure documents it (`Microsoft.Network/virtualNetworks`) for the types RoundTrip knows, otherwise
    /// as written.
    static func canonicalType(_ type: String) -> String {
        knownTypes.first { $0.lowercased() == type.lowercased() } ?? type
    }

    /// The resource types the builder reads or knowingly skips, as Azure writes them.
    static let knownTypes = [
        "Microsoft.Network/publicIPAddresses", "Microsoft.Network/publicIPPrefixes", "Microsoft.Network/virtualNetworks",
        "Microsoft.Network/virtualNetworks/subnets", "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
        "Microsoft.Network/routeTables", "Microsoft.Network/routeTables/routes", "Microsoft.Network/natGateways",
        "Microsoft.Network/networkInterfaces", "Microsoft.Compute/virtualMachines", "Microsoft.Compute/virtualMachineScaleSets",
        "Microsoft.Compute/virtualMachineScaleSets/virtualMachines/networkInterfaces", "Microsoft.Network/loadBalancers",
        "Microsoft.Network/azureFirewalls", "Microsoft.Network/firewallPolicies",
        "Microsoft.Network/firewallPolicies/ruleCollectionGroups", "Microsoft.Network/ipGroups",
        "Microsoft.Network/applicationGateways", "Microsoft.Network/virtualNetworkGateways",
        "Microsoft.Network/localNetworkGateways", "Microsoft.Network/connections",
        "Microsoft.ContainerService/managedClusters", "Microsoft.Network/networkSecurityGroups",
        "Microsoft.Network/networkSecurityGroups/securityRules", "Microsoft.Network/applicationSecurityGroups",
        "Microsoft.Network/privateEndpoints", "Microsoft.Network/bastionHosts",
    ]
}
