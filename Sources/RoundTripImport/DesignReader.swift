import Foundation
import RoundTripCore
import Yams

/// Reads RoundTrip v1 designs (YAML or JSON) into a ``Design``, keeping the position of every element and field.
public enum DesignReader {
    /// The format's API version.
    public static let apiVersion = "roundtrip/v1"

    /// Parses a design document.
    ///
    /// - Parameters:
    ///   - text: YAML or JSON text (JSON is read as YAML's flow style, so positions work the same).
    ///   - file: the path to name in messages.
    /// - Throws: ``DesignError`` with every problem found: syntax, wrong types, unknown fields (with did-you-mean),
    ///   missing fields, malformed addresses and prefixes.
    public static func parse(_ text: String, file: String) throws(DesignError) -> Design {
        let sink = DiagnosticSink(file: file)
        guard let root = try compose(text, file: file) else {
            throw DesignError([
                Diagnostic(
                    .error, "empty", at: SourceLocation(file: file, line: 1, column: 1),
                    "the file is empty; expected a design starting with 'apiVersion: \(apiVersion)'")
            ])
        }
        let design = DocumentDecoder(sink: sink).decode(root)
        if !sink.diagnostics.isEmpty || design == nil { throw DesignError(sink.diagnostics) }
        return design!
    }

    /// Parses a separate assertions file (`apiVersion: roundtrip/v1` and an `assertions` list).
    public static func parseAssertions(_ text: String, file: String) throws(DesignError) -> [AssertionSpec] {
        let sink = DiagnosticSink(file: file)
        guard let root = try compose(text, file: file),
            let map = MapReader(root, what: "assertions file", allowed: ["$schema", "apiVersion", "assertions"], sink: sink)
        else {
            throw DesignError(
                sink.diagnostics + [
                    Diagnostic(
                        .error, "empty", at: SourceLocation(file: file, line: 1, column: 1),
                        "expected 'apiVersion: \(apiVersion)' and an 'assertions' list")
                ])
        }
        if let node = map.required("apiVersion"), let version = map.text(node, "apiVersion"), version != apiVersion {
            sink.error("api-version", node, "unsupported apiVersion '\(version)'; expected '\(apiVersion)'")
        }
        let specs = map.list("assertions").compactMap(DocumentDecoder(sink: sink).assertion)
        if !sink.diagnostics.isEmpty { throw DesignError(sink.diagnostics) }
        return specs
    }

    /// The document's node tree (nil when empty), with positions; syntax errors become positioned diagnostics.
    static func compose(_ text: String, file: String) throws(DesignError) -> Yams.Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DesignError([syntaxDiagnostic(error, file: file)])
        } catch {
            throw DesignError([Diagnostic(.error, "syntax", at: SourceLocation(file: file, line: 1, column: 1), "cannot parse: \(error)")])
        }
    }

    /// Turns a Yams syntax error into a positioned diagnostic.
    static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column)) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return Diagnostic(.error, "syntax", at: at(mark), "YAML/JSON syntax error: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                .error, "duplicate-key", at: at(context.mark),
                "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        default:
            return Diagnostic(.error, "syntax", at: SourceLocation(file: file, line: 1, column: 1), "cannot parse: \(error)")
        }
    }
}

/// Walks the document tree element by element.
struct DocumentDecoder {
    let sink: DiagnosticSink

    func decode(_ root: Yams.Node) -> Design? {
        let topKeys = [
            "$schema", "apiVersion", "name", "description", "region", "publicIPAddresses", "virtualNetworks",
            "virtualNetworkPeerings", "routeTables", "natGateways", "virtualNetworkGateways", "onPremisesNetworks",
            "loadBalancers", "azureFirewalls", "applicationGateways", "workloads", "kubernetesClusters", "endpoints",
            "flows", "options", "serviceTags", "assertions",
        ]
        guard let map = MapReader(root, what: "design", allowed: topKeys, sink: sink) else { return nil }
        if let node = map.required("apiVersion"), let version = map.text(node, "apiVersion"), version != DesignReader.apiVersion {
            sink.error("api-version", node, "unsupported apiVersion '\(version)'; expected '\(DesignReader.apiVersion)'")
        }
        var design = Design(file: sink.file, name: map.name() ?? "", source: map.source)
        design.description = map.string("description")
        design.region = map.string("region") ?? "westeurope"
        design.publicIPAddresses = map.list("publicIPAddresses").compactMap(publicIP)
        design.virtualNetworks = map.list("virtualNetworks").compactMap(vnet)
        design.virtualNetworkPeerings = map.list("virtualNetworkPeerings").compactMap(peering)
        design.routeTables = map.list("routeTables").compactMap(routeTable)
        design.natGateways = map.list("natGateways").compactMap(natGateway)
        design.virtualNetworkGateways = map.list("virtualNetworkGateways").compactMap(gateway)
        design.onPremisesNetworks = map.list("onPremisesNetworks").compactMap(onPremises)
        design.loadBalancers = map.list("loadBalancers").compactMap(loadBalancer)
        design.azureFirewalls = map.list("azureFirewalls").compactMap(firewall)
        design.applicationGateways = map.list("applicationGateways").compactMap(appGateway)
        design.workloads = map.list("workloads").compactMap(workload)
        design.kubernetesClusters = map.list("kubernetesClusters").compactMap(cluster)
        design.endpoints = map.list("endpoints").compactMap(endpoint)
        design.flows = map.list("flows").compactMap(flow)
        design.serviceTags = map.list("serviceTags").compactMap(serviceTag)
        design.assertions = map.list("assertions").compactMap(assertion)
        if let node = map.value("options"),
            let options = MapReader(
                node, what: "options", allowed: ["strictForwardedTraffic", "allowPrivateDnat", "appGatewayPrivateDeployment"], sink: sink)
        {
            design.options.strictForwardedTraffic = options.bool("strictForwardedTraffic") ?? false
            design.options.allowPrivateDnat = options.bool("allowPrivateDnat") ?? false
            design.options.appGatewayPrivateDeployment = options.bool("appGatewayPrivateDeployment") ?? false
        }
        return design
    }

    /// Opens an element mapping, naming it by its `name` when present.
    func element(_ node: Yams.Node, kind: String, within: String? = nil, allowed: [String]) -> (MapReader, String)? {
        var what = kind
        if case .mapping(let m) = node, let name = m["name"]?.scalar?.string { what = "\(kind) '\(name)'" }
        if let within { what += " " + within }
        guard let map = MapReader(node, what: what, allowed: allowed, sink: sink) else { return nil }
        guard let name = map.name() else { return nil }
        return (map, name)
    }

    func publicIP(_ node: Yams.Node) -> PublicIPSpec? {
        guard let (map, name) = element(node, kind: "public IP", allowed: ["name", "ipAddress", "ipPrefix"]) else { return nil }
        switch (map.value("ipAddress"), map.value("ipPrefix")) {
        case (.some, .some), (nil, nil):
            sink.error("one-of", node, "public IP '\(name)': give exactly one of ipAddress or ipPrefix")
            return nil
        case (.some, nil):
            guard let address = map.address("ipAddress") else { return nil }
            return PublicIPSpec(name: name, prefix: IPv4Prefix(host: address), isPrefix: false, source: map.source)
        case (nil, .some):
            guard let prefix = map.prefix("ipPrefix") else { return nil }
            return PublicIPSpec(name: name, prefix: prefix, isPrefix: true, source: map.source)
        }
    }

    func vnet(_ node: Yams.Node) -> VirtualNetworkSpec? {
        guard let (map, name) = element(node, kind: "virtual network", allowed: ["name", "addressSpace", "subnets"]) else { return nil }
        _ = map.required("addressSpace")
        let subnets = map.list("subnets").compactMap { subnet($0, vnet: name) }
        return VirtualNetworkSpec(name: name, addressSpace: map.prefixes("addressSpace"), subnets: subnets, source: map.source)
    }

    func subnet(_ node: Yams.Node, vnet: String) -> SubnetSpec? {
        guard
            let (map, name) = element(
                node, kind: "subnet", within: "of '\(vnet)'",
                allowed: ["name", "addressPrefix", "routeTable", "natGateway", "defaultOutboundAccess"])
        else { return nil }
        guard let prefix = map.prefix("addressPrefix", required: true) else { return nil }
        var spec = SubnetSpec(name: name, addressPrefix: prefix, source: map.source)
        spec.routeTable = map.string("routeTable")
        spec.natGateway = map.string("natGateway")
        spec.defaultOutboundAccess = map.bool("defaultOutboundAccess") ?? true
        return spec
    }

    func peering(_ node: Yams.Node) -> PeeringSpec? {
        guard
            let (map, name) = element(
                node, kind: "peering",
                allowed: [
                    "name", "from", "to", "allowVirtualNetworkAccess", "allowForwardedTraffic", "allowGatewayTransit", "useRemoteGateways",
                ])
        else { return nil }
        guard let from = map.requiredString("from"), let to = map.requiredString("to") else { return nil }
        var spec = PeeringSpec(name: name, from: from, to: to, source: map.source)
        spec.allowVirtualNetworkAccess = map.bool("allowVirtualNetworkAccess") ?? true
        spec.allowForwardedTraffic = map.bool("allowForwardedTraffic") ?? false
        spec.allowGatewayTransit = map.bool("allowGatewayTransit") ?? false
        spec.useRemoteGateways = map.bool("useRemoteGateways") ?? false
        return spec
    }

    func routeTable(_ node: Yams.Node) -> RouteTableSpec? {
        guard let (map, name) = element(node, kind: "route table", allowed: ["name", "disableBgpRoutePropagation", "routes"]) else {
            return nil
        }
        var spec = RouteTableSpec(name: name, source: map.source)
        spec.disableBgpRoutePropagation = map.bool("disableBgpRoutePropagation") ?? false
        spec.routes = map.list("routes").compactMap { route($0, table: name) }
        return spec
    }

    func route(_ node: Yams.Node, table: String) -> RouteSpec? {
        guard
            let (map, name) = element(
                node, kind: "route", within: "in '\(table)'", allowed: ["name", "addressPrefix", "nextHopType", "nextHopIpAddress"])
        else { return nil }
        guard let prefixNode = map.required("addressPrefix"), let text = map.text(prefixNode, "addressPrefix") else { return nil }
        let destination: RouteSpec.Destination
        let first = text.unicodeScalars.first.map { CharacterSet.decimalDigits.contains($0) } ?? false
        if first {
            guard let prefix = map.parsePrefix(prefixNode, "addressPrefix") else { return nil }
            destination = .prefix(prefix)
        } else {
            destination = .serviceTag(text)
        }
        let userTypes: [NextHopType] = [.virtualAppliance, .virtualNetworkGateway, .vnetLocal, .internet, .none]
        guard let hop = map.choice("nextHopType", NextHopType.self, required: true) else { return nil }
        if !userTypes.contains(hop) {
            sink.error(
                "bad-value", map.value("nextHopType")!,
                "route '\(name)': nextHopType \(hop.rawValue) is created by Azure only (R6); use one of \(userTypes.map(\.rawValue).joined(separator: ", "))"
            )
            return nil
        }
        let ip = map.address("nextHopIpAddress")
        if hop == .virtualAppliance && ip == nil && map.value("nextHopIpAddress") == nil {
            sink.error("missing-field", node, "route '\(name)': nextHopType VirtualAppliance needs nextHopIpAddress (R8)")
            return nil
        }
        if hop != .virtualAppliance, let ipNode = map.value("nextHopIpAddress") {
            sink.error("forbidden-field", ipNode, "route '\(name)': nextHopIpAddress is only allowed with nextHopType VirtualAppliance")
            return nil
        }
        return RouteSpec(name: name, addressPrefix: destination, nextHopType: hop, nextHopIpAddress: ip, source: map.source)
    }

    func natGateway(_ node: Yams.Node) -> NatGatewaySpec? {
        guard let (map, name) = element(node, kind: "NAT gateway", allowed: ["name", "publicIPAddresses", "idleTimeoutInMinutes"]) else {
            return nil
        }
        var spec = NatGatewaySpec(name: name, publicIPAddresses: map.strings("publicIPAddresses"), source: map.source)
        spec.idleTimeoutInMinutes = map.int("idleTimeoutInMinutes", range: 4...120) ?? 4
        return spec
    }

    func gateway(_ node: Yams.Node) -> GatewaySpec? {
        guard let (map, name) = element(node, kind: "gateway", allowed: ["name", "gatewayType", "subnet", "bgpEnabled"]) else { return nil }
        guard let type = map.choice("gatewayType", GatewayType.self, required: true), let subnet = map.requiredString("subnet") else {
            return nil
        }
        var spec = GatewaySpec(name: name, gatewayType: type, subnet: subnet, source: map.source)
        spec.bgpEnabled = map.bool("bgpEnabled") ?? true
        return spec
    }

    func onPremises(_ node: Yams.Node) -> OnPremisesSpec? {
        guard
            let (map, name) = element(
                node, kind: "on-premises network", allowed: ["name", "addressPrefixes", "gateway", "forcedTunnelDefaultRoute"])
        else { return nil }
        guard let gateway = map.requiredString("gateway") else { return nil }
        var spec = OnPremisesSpec(name: name, addressPrefixes: map.prefixes("addressPrefixes"), gateway: gateway, source: map.source)
        spec.forcedTunnelDefaultRoute = map.bool("forcedTunnelDefaultRoute") ?? false
        return spec
    }

    func loadBalancer(_ node: Yams.Node) -> LoadBalancerSpec? {
        guard
            let (map, name) = element(
                node, kind: "load balancer",
                allowed: [
                    "name", "frontendIPConfigurations", "backendAddressPools", "loadBalancingRules", "inboundNatRules", "outboundRules",
                ])
        else { return nil }
        var spec = LoadBalancerSpec(name: name, source: map.source)
        spec.frontendIPConfigurations = map.list("frontendIPConfigurations").compactMap { node in
            guard
                let (fe, feName) = element(
                    node, kind: "frontend", within: "of '\(name)'", allowed: ["name", "publicIPAddress", "subnet", "privateIPAddress"])
            else { return nil }
            var f = LoadBalancerSpec.Frontend(name: feName, source: fe.source)
            f.publicIPAddress = fe.string("publicIPAddress")
            f.subnet = fe.string("subnet")
            f.privateIPAddress = fe.address("privateIPAddress")
            return f
        }
        spec.backendAddressPools = map.list("backendAddressPools").compactMap { node in
            guard
                let (p, poolName) = element(
                    node, kind: "backend pool", within: "of '\(name)'", allowed: ["name", "members", "ipAddresses"])
            else { return nil }
            var pool = LoadBalancerSpec.Pool(name: poolName, source: p.source)
            pool.members = p.strings("members")
            pool.ipAddresses = p.addresses("ipAddresses")
            return pool
        }
        spec.loadBalancingRules = map.list("loadBalancingRules").compactMap { lbRule($0, lb: name, kind: "load-balancing rule") }
        spec.inboundNatRules = map.list("inboundNatRules").compactMap { lbRule($0, lb: name, kind: "inbound NAT rule") }
        spec.outboundRules = map.list("outboundRules").compactMap { node in
            guard
                let (o, ruleName) = element(
                    node, kind: "outbound rule", within: "of '\(name)'",
                    allowed: ["name", "frontendIPConfigurations", "backendAddressPool", "allocatedOutboundPorts", "idleTimeoutInMinutes"])
            else { return nil }
            guard let pool = o.requiredString("backendAddressPool") else { return nil }
            _ = o.required("frontendIPConfigurations")
            var rule = LoadBalancerSpec.OutboundRule(
                name: ruleName, frontendIPConfigurations: o.strings("frontendIPConfigurations"), backendAddressPool: pool, source: o.source)
            rule.allocatedOutboundPorts = o.int("allocatedOutboundPorts", range: 0...64000) ?? 0
            rule.idleTimeoutInMinutes = o.int("idleTimeoutInMinutes", range: 4...120) ?? 4
            return rule
        }
        return spec
    }

    func lbRule(_ node: Yams.Node, lb: String, kind: String) -> LoadBalancerSpec.Rule? {
        guard
            let (r, name) = element(
                node, kind: kind, within: "of '\(lb)'",
                allowed: [
                    "name", "frontendIPConfiguration", "backendAddressPool", "protocol", "frontendPort", "backendPort", "enableFloatingIP",
                ])
        else { return nil }
        guard let fe = r.requiredString("frontendIPConfiguration"), let pool = r.requiredString("backendAddressPool"),
            let proto = r.choice("protocol", LBProtocol.self, required: true),
            let frontendPort = r.port("frontendPort", required: true), let backendPort = r.port("backendPort", required: true)
        else { return nil }
        var rule = LoadBalancerSpec.Rule(
            name: name, frontendIPConfiguration: fe, protocolType: proto, frontendPort: frontendPort, backendPort: backendPort,
            source: r.source)
        rule.backendAddressPool = pool
        rule.enableFloatingIP = r.bool("enableFloatingIP") ?? false
        return rule
    }

    func protocols(_ map: MapReader, allowAny: Bool) -> (list: [TransportProtocol], any: Bool) {
        var list: [TransportProtocol] = []
        var any = false
        for node in map.list("protocols") {
            guard let text = map.text(node, "protocols") else { continue }
            switch text.uppercased() {
            case "TCP": list.append(.tcp)
            case "UDP": list.append(.udp)
            case "ICMP" where allowAny: list.append(.icmp)
            case "ANY" where allowAny: any = true
            default:
                let allowed = allowAny ? ["TCP", "UDP", "ICMP", "Any"] : ["TCP", "UDP"]
                sink.error(
                    "bad-value", node, "\(map.what): protocol '\(text)' must be one of \(allowed.joined(separator: ", "))",
                    hint: Suggestion.hint(for: text, in: allowed))
            }
        }
        return (list, any)
    }

    func collection<R>(
        _ node: Yams.Node, kind: String, firewall: String, actionRequired: Bool, rule: (Yams.Node, String) -> R?
    ) -> FirewallSpec.Collection<R>? {
        guard let (map, name) = element(node, kind: kind, within: "of '\(firewall)'", allowed: ["name", "priority", "action", "rules"])
        else { return nil }
        guard let priority = map.int("priority", range: 100...65000, required: true) else { return nil }
        var action = RuleAction.allow
        if actionRequired {
            guard let a = map.choice("action", RuleAction.self, required: true) else { return nil }
            action = a
        } else if let node = map.value("action"), let text = map.text(node, "action"), text.uppercased() != "DNAT" {
            sink.error("bad-value", node, "\(map.what): action must be DNAT, found '\(text)'")
        }
        let rules = map.list("rules").compactMap { rule($0, name) }
        return FirewallSpec.Collection(name: name, priority: priority, action: action, rules: rules, source: map.source)
    }

    func firewall(_ node: Yams.Node) -> FirewallSpec? {
        guard
            let (map, name) = element(
                node, kind: "Azure Firewall",
                allowed: [
                    "name", "subnet", "privateIPAddress", "instanceCount", "instanceIPAddresses", "publicIPAddresses", "snatPrivateRanges",
                    "forcedTunneling", "threatIntelMode", "natRuleCollections", "networkRuleCollections", "applicationRuleCollections",
                ])
        else { return nil }
        guard let subnet = map.requiredString("subnet"), let privateIP = map.address("privateIPAddress", required: true) else { return nil }
        var spec = FirewallSpec(name: name, subnet: subnet, privateIPAddress: privateIP, source: map.source)
        spec.instanceCount = map.int("instanceCount", range: 1...20) ?? 2
        spec.instanceIPAddresses = map.addresses("instanceIPAddresses")
        spec.publicIPAddresses = map.strings("publicIPAddresses")
        if map.value("snatPrivateRanges") != nil {
            var ranges: [IPv4Prefix] = []
            for item in map.list("snatPrivateRanges") {
                guard let text = map.text(item, "snatPrivateRanges") else { continue }
                if text == "IANAPrivateRanges" {
                    ranges += IPv4Prefix.ianaPrivateRanges
                } else if let p = map.parsePrefix(item, "snatPrivateRanges") {
                    ranges.append(p)
                }
            }
            spec.snatPrivateRanges = ranges
        }
        spec.forcedTunneling = map.bool("forcedTunneling") ?? false
        spec.threatIntelMode = map.choice("threatIntelMode", FirewallSpec.ThreatIntelMode.self) ?? .alert
        spec.natRuleCollections = map.list("natRuleCollections").compactMap { c in
            collection(c, kind: "NAT rule collection", firewall: name, actionRequired: false) { node, cname in
                guard
                    let (r, rname) = element(
                        node, kind: "DNAT rule", within: "in '\(cname)'",
                        allowed: [
                            "name", "protocols", "sourceAddresses", "destinationAddresses", "destinationPorts", "translatedAddress",
                            "translatedPort",
                        ])
                else { return nil }
                _ = r.required("protocols"); _ = r.required("sourceAddresses"); _ = r.required("destinationAddresses");
                _ = r.required("destinationPorts")
                guard let translated = r.address("translatedAddress", required: true), let port = r.port("translatedPort", required: true)
                else { return nil }
                return FirewallSpec.NatRule(
                    name: rname, protocols: protocols(r, allowAny: false).list, sourceAddresses: r.strings("sourceAddresses"),
                    destinationAddresses: r.strings("destinationAddresses"), destinationPorts: r.ports("destinationPorts"),
                    translatedAddress: translated, translatedPort: port, source: r.source)
            }
        }
        spec.networkRuleCollections = map.list("networkRuleCollections").compactMap { c in
            collection(c, kind: "network rule collection", firewall: name, actionRequired: true) { node, cname in
                guard
                    let (r, rname) = element(
                        node, kind: "network rule", within: "in '\(cname)'",
                        allowed: ["name", "protocols", "sourceAddresses", "destinationAddresses", "destinationFqdns", "destinationPorts"])
                else { return nil }
                _ = r.required("protocols"); _ = r.required("sourceAddresses"); _ = r.required("destinationPorts")
                if r.value("destinationAddresses") == nil && r.value("destinationFqdns") == nil {
                    sink.error("missing-field", node, "network rule '\(rname)': needs destinationAddresses or destinationFqdns")
                }
                let p = protocols(r, allowAny: true)
                return FirewallSpec.NetworkRule(
                    name: rname, protocols: p.list, anyProtocol: p.any, sourceAddresses: r.strings("sourceAddresses"),
                    destinationAddresses: r.strings("destinationAddresses"), destinationFqdns: r.strings("destinationFqdns"),
                    destinationPorts: r.ports("destinationPorts"), source: r.source)
            }
        }
        spec.applicationRuleCollections = map.list("applicationRuleCollections").compactMap { c in
            collection(c, kind: "application rule collection", firewall: name, actionRequired: true) { node, cname in
                guard
                    let (r, rname) = element(
                        node, kind: "application rule", within: "in '\(cname)'",
                        allowed: ["name", "sourceAddresses", "protocols", "targetFqdns", "fqdnTags"])
                else { return nil }
                _ = r.required("sourceAddresses"); _ = r.required("protocols")
                if r.value("targetFqdns") == nil && r.value("fqdnTags") == nil {
                    sink.error("missing-field", node, "application rule '\(rname)': needs targetFqdns or fqdnTags")
                }
                var protocols: [FirewallSpec.AppProtocol] = []
                for item in r.list("protocols") {
                    guard let text = r.text(item, "protocols") else { continue }
                    let parts = text.split(separator: ":")
                    if parts.count == 2,
                        let kind = FirewallSpec.AppProtocol.Kind.allCases.first(where: { $0.rawValue.lowercased() == parts[0].lowercased() }
                        ), let port = UInt16(parts[1])
                    {
                        protocols.append(.init(kind: kind, port: port))
                    } else {
                        sink.error(
                            "bad-value", item,
                            "application rule '\(rname)': protocol '\(text)' must look like Http:80, Https:443 or Mssql:1433")
                    }
                }
                return FirewallSpec.ApplicationRule(
                    name: rname, sourceAddresses: r.strings("sourceAddresses"), protocols: protocols, targetFqdns: r.strings("targetFqdns"),
                    fqdnTags: r.strings("fqdnTags"), source: r.source)
            }
        }
        return spec
    }

    func appGateway(_ node: Yams.Node) -> AppGatewaySpec? {
        guard
            let (map, name) = element(
                node, kind: "application gateway",
                allowed: ["name", "subnet", "instanceIPAddresses", "frontendIPConfigurations", "httpListeners", "backendAddressPools"])
        else { return nil }
        guard let subnet = map.requiredString("subnet") else { return nil }
        var spec = AppGatewaySpec(name: name, subnet: subnet, source: map.source)
        spec.instanceIPAddresses = map.addresses("instanceIPAddresses")
        spec.frontendIPConfigurations = map.list("frontendIPConfigurations").compactMap { node in
            guard
                let (fe, feName) = element(
                    node, kind: "frontend", within: "of '\(name)'", allowed: ["name", "publicIPAddress", "privateIPAddress"])
            else { return nil }
            var f = AppGatewaySpec.Frontend(name: feName, source: fe.source)
            f.publicIPAddress = fe.string("publicIPAddress")
            f.privateIPAddress = fe.address("privateIPAddress")
            return f
        }
        spec.httpListeners = map.list("httpListeners").compactMap { node in
            guard
                let (l, lname) = element(
                    node, kind: "listener", within: "of '\(name)'",
                    allowed: ["name", "frontendIPConfiguration", "port", "protocol", "backendAddressPool", "backendPort"])
            else { return nil }
            guard let fe = l.requiredString("frontendIPConfiguration"), let port = l.port("port", required: true),
                let proto = l.choice("protocol", FirewallSpec.AppProtocol.Kind.self, required: true),
                let pool = l.requiredString("backendAddressPool"), let backendPort = l.port("backendPort", required: true)
            else { return nil }
            return AppGatewaySpec.Listener(
                name: lname, frontendIPConfiguration: fe, port: port, protocolKind: proto, backendAddressPool: pool,
                backendPort: backendPort, source: l.source)
        }
        spec.backendAddressPools = map.list("backendAddressPools").compactMap { node in
            guard
                let (p, pname) = element(
                    node, kind: "backend pool", within: "of '\(name)'", allowed: ["name", "members", "ipAddresses", "fqdns"])
            else { return nil }
            var pool = AppGatewaySpec.Pool(name: pname, source: p.source)
            pool.members = p.strings("members")
            pool.ipAddresses = p.addresses("ipAddresses")
            pool.fqdns = p.strings("fqdns")
            return pool
        }
        return spec
    }

    func workload(_ node: Yams.Node) -> WorkloadSpec? {
        guard
            let (map, name) = element(
                node, kind: "workload",
                allowed: ["name", "kind", "subnet", "ipAddresses", "publicIPAddress", "enableIPForwarding", "stateful", "snat", "hostedOn"])
        else { return nil }
        guard let kind = map.choice("kind", WorkloadKind.self, required: true) else { return nil }
        _ = map.required("ipAddresses")
        let subnet = map.string("subnet")
        if subnet == nil && !(kind == .pod && map.value("hostedOn") != nil) {
            _ = map.required("subnet")
            return nil
        }
        var spec = WorkloadSpec(name: name, kind: kind, subnet: subnet ?? "", ipAddresses: map.addresses("ipAddresses"), source: map.source)
        spec.publicIPAddress = map.string("publicIPAddress")
        spec.enableIPForwarding = map.bool("enableIPForwarding")
        for key in ["stateful", "snat"] where kind != .nva && map.value(key) != nil {
            sink.error("forbidden-field", map.value(key)!, "workload '\(name)': '\(key)' applies to kind nva only")
        }
        spec.stateful = map.bool("stateful") ?? true
        spec.snat = map.bool("snat") ?? false
        if kind != .pod, let host = map.value("hostedOn") {
            sink.error("forbidden-field", host, "workload '\(name)': 'hostedOn' applies to kind pod only")
        }
        spec.hostedOn = map.string("hostedOn")
        return spec
    }

    func cluster(_ node: Yams.Node) -> ClusterSpec? {
        guard
            let (map, name) = element(
                node, kind: "Kubernetes cluster",
                allowed: [
                    "name", "outboundType", "networkPlugin", "podCidr", "nodePools", "loadBalancer", "natGateway", "loadBalancerProfile",
                    "services",
                ])
        else { return nil }
        var spec = ClusterSpec(name: name, source: map.source)
        spec.outboundType = map.choice("outboundType", OutboundType.self) ?? .loadBalancer
        if let node = map.value("networkPlugin"), let plugin = map.text(node, "networkPlugin") {
            if ["azure", "kubenet"].contains(plugin) {
                spec.networkPlugin = plugin
            } else {
                sink.error(
                    "bad-value", node, "cluster '\(name)': networkPlugin must be azure or kubenet, found '\(plugin)'",
                    hint: Suggestion.hint(for: plugin, in: ["azure", "kubenet"]))
            }
        }
        spec.podCidr = map.prefix("podCidr")
        spec.nodePools = map.strings("nodePools")
        spec.loadBalancer = map.string("loadBalancer")
        spec.natGateway = map.string("natGateway")
        if let node = map.value("loadBalancerProfile"),
            let p = MapReader(
                node, what: "cluster '\(name)' loadBalancerProfile",
                allowed: ["managedOutboundIPCount", "outboundIPs", "allocatedOutboundPorts", "idleTimeoutInMinutes"], sink: sink)
        {
            var profile = ClusterSpec.LoadBalancerProfile(source: p.source)
            profile.managedOutboundIPCount = p.int("managedOutboundIPCount", range: 1...100)
            profile.outboundIPs = p.strings("outboundIPs")
            profile.allocatedOutboundPorts = p.int("allocatedOutboundPorts", range: 0...64000) ?? 0
            profile.idleTimeoutInMinutes = p.int("idleTimeoutInMinutes", range: 4...120) ?? 30
            spec.loadBalancerProfile = profile
        }
        spec.services = map.list("services").compactMap { node in
            guard
                let (s, sname) = element(
                    node, kind: "service", within: "of '\(name)'",
                    allowed: [
                        "name", "internal", "port", "nodePort", "protocol", "publicIPAddress", "privateIPAddress", "enableFloatingIP",
                    ])
            else { return nil }
            guard let port = s.port("port", required: true) else { return nil }
            var service = ClusterSpec.Service(name: sname, port: port, source: s.source)
            service.isInternal = s.bool("internal") ?? false
            service.nodePort = s.port("nodePort")
            service.protocolType = s.choice("protocol", TransportProtocol.self) ?? .tcp
            service.publicIPAddress = s.string("publicIPAddress")
            service.privateIPAddress = s.address("privateIPAddress")
            service.enableFloatingIP = s.bool("enableFloatingIP") ?? true
            if service.isInternal && service.privateIPAddress == nil {
                sink.error("missing-field", node, "service '\(sname)': an internal service needs privateIPAddress")
            }
            if !service.isInternal && service.publicIPAddress == nil {
                sink.error("missing-field", node, "service '\(sname)': a public service needs publicIPAddress (the address AKS assigns)")
            }
            return service
        }
        return spec
    }

    func endpoint(_ node: Yams.Node) -> EndpointSpec? {
        guard let (map, name) = element(node, kind: "endpoint", allowed: ["name", "ipAddress", "fqdn", "onPremisesNetwork"]) else {
            return nil
        }
        var spec = EndpointSpec(name: name, source: map.source)
        spec.ipAddress = map.address("ipAddress")
        spec.fqdn = map.string("fqdn")
        spec.onPremisesNetwork = map.string("onPremisesNetwork")
        return spec
    }

    func flow(_ node: Yams.Node) -> FlowSpec? {
        guard
            let (map, name) = element(
                node, kind: "flow",
                allowed: [
                    "name", "from", "to", "port", "sourcePort", "protocol", "expect", "expectDroppedAt", "expectEgressIP", "description",
                ])
        else { return nil }
        guard let from = map.requiredString("from"), let to = map.requiredString("to") else { return nil }
        var spec = FlowSpec(name: name, from: from, to: to, source: map.source)
        spec.port = map.port("port")
        spec.sourcePort = map.port("sourcePort")
        if let proto = map.choice("protocol", TransportProtocol.self) {
            if proto == .icmp, let n = map.value("protocol") {
                sink.error("bad-value", n, "flow '\(name)': protocol must be Tcp or Udp")
            }
            spec.protocolType = proto
        }
        spec.expect = map.choice("expect", Verdict.self)
        spec.expectDroppedAt = map.string("expectDroppedAt")
        spec.expectEgressIP = map.address("expectEgressIP")
        spec.description = map.string("description")
        return spec
    }

    func assertion(_ node: Yams.Node) -> AssertionSpec? {
        let keys = [
            "name", "description", "from", "to", "port", "protocol", "expect", "through", "egressVia", "noDefaultOutboundAccess",
            "bidirectional",
        ]
        guard let (map, name) = element(node, kind: "assertion", allowed: keys) else { return nil }
        let noDefault = map.bool("noDefaultOutboundAccess") ?? false
        guard let from = map.requiredString("from") else { return nil }
        let to = noDefault ? (map.string("to") ?? "") : map.requiredString("to")
        guard let to else { return nil }
        var spec = AssertionSpec(name: name, from: from, to: to, source: map.source)
        spec.noDefaultOutboundAccess = noDefault
        spec.description = map.string("description")
        spec.port = map.port("port")
        spec.protocolType = map.choice("protocol", TransportProtocol.self) ?? .tcp
        if let node = map.value("expect"), let text = map.text(node, "expect") {
            if text == "no-asymmetry" {
                spec.expect = .noAsymmetry
            } else if let verdict = Verdict(rawValue: text) {
                spec.expect = .verdict(verdict)
            } else {
                let names = ["no-asymmetry"] + Verdict.allCases.map(\.rawValue)
                sink.error(
                    "bad-value", node, "assertion '\(name)': 'expect' must be one of \(names.joined(separator: ", ")), found '\(text)'",
                    hint: Suggestion.hint(for: text, in: names))
            }
        }
        spec.through = map.string("through")
        spec.egressVia = map.string("egressVia")
        spec.bidirectional = map.bool("bidirectional") ?? false
        return spec
    }

    func serviceTag(_ node: Yams.Node) -> ServiceTagSpec? {
        guard let (map, name) = element(node, kind: "service tag", allowed: ["name", "addressPrefixes"]) else { return nil }
        _ = map.required("addressPrefixes")
        return ServiceTagSpec(name: name, addressPrefixes: map.prefixes("addressPrefixes"), source: map.source)
    }
}
