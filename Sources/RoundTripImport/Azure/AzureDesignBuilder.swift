import RoundTripCore

/// Builds a ``Design`` from Azure resources in ARM's shape, whichever input they came from (Azure resource JSON, an
/// ARM template, a Terraform plan).
///
/// Elements are named after their resources, so a RoundTrip file holding only flows can refer to them; references
/// are resolved by resource id without regard to case; every element's source map points at its resource (file,
/// line, column, resource id and JSON pointer). What is read, passed over and unknown goes in
/// ``Design/importSummary``: nothing is dropped silently.
public enum AzureDesignBuilder {
    /// Builds a design.
    ///
    /// - Parameters:
    ///   - resources: the resources, from any number of inputs.
    ///   - name: the design's name.
    ///   - file: the file to name for the design itself (the first input).
    /// - Returns: the design (with its import summary) and the errors found (malformed addresses, prefixes, ports,
    ///   values of the wrong type), each at its location. The design is not to be used when there are errors.
    public static func build(_ resources: [AzureResource], name: String, file: String) -> (Design, [Diagnostic]) {
        let source = SourceMap(element: resources.first?.source ?? SourceLocation(file: file, line: 1, column: 1))
        var design = Design(file: file, name: name, source: source)
        if let region = resources.lazy.compactMap(\.region).first(where: { !$0.isEmpty }) { design.region = region.lowercased() }
        let context = AzureBuildContext(resources, design: design)
        for resource in resources {
            for (pointer, reason) in resource.unknown.sorted(by: { $0.key < $1.key }) {
                context.unknown(resource, pointer, reason)
            }
        }
        registerSecurityNames(context)
        buildPublicIPs(context)
        buildRouteTables(context)
        buildNatGateways(context)
        buildIPGroups(context)
        buildApplicationSecurityGroups(context)
        buildSecurityGroups(context)
        buildVirtualNetworks(context)
        buildPeerings(context)
        buildClusters(context)
        buildPrivateEndpoints(context)
        buildBastionHosts(context)
        buildWorkloads(context)
        buildLoadBalancers(context)
        buildAppGateways(context)
        buildFirewallPolicies(context)
        buildFirewalls(context)
        buildGateways(context)
        skipUnmodelled(context)
        context.design.importSummary = context.summary
        return (context.design, context.diagnostics)
    }

    /// Every resource not read into the design goes in the summary as skipped.
    static func skipUnmodelled(_ context: AzureBuildContext) {
        for (_, resources) in context.byType.sorted(by: { $0.key < $1.key }) {
            for resource in resources where !context.handled.contains(AzureResourceID.normalize(resource.id)) {
                context.skip(resource, AzureBuildContext.canonicalType(resource.type), "resource type not modelled")
            }
        }
    }

    // MARK: public IPs, route tables, NAT gateways

    static func buildPublicIPs(_ context: AzureBuildContext) {
        for (type, key, isPrefix) in [
            ("Microsoft.Network/publicIPAddresses", "ipAddress", false), ("Microsoft.Network/publicIPPrefixes", "ipPrefix", true),
        ] {
            for resource in context.resources(type) {
                let props = AzureProps(properties: resource, context: context)
                context.read(resource)
                if let version = props.string("publicIPAddressVersion"), version.lowercased() == "ipv6" {
                    context.skip(resource, "IPv6 public IP", "IPv6 is not modelled", at: props.location("publicIPAddressVersion"))
                    continue
                }
                guard let text = props.string(key) else {
                    context.unknown(
                        resource, "properties.\(key)", "no address in the input (not allocated yet?); elements using it lose it",
                        at: props.location)
                    continue
                }
                guard let prefix = context.prefix(text, at: props.location(key), resource: resource) else { continue }
                context.names[AzureResourceID.normalize(resource.id)] = resource.name
                context.design.publicIPAddresses.append(
                    PublicIPSpec(
                        name: resource.name, prefix: prefix, isPrefix: isPrefix,
                        source: props.sourceMap([isPrefix ? "ipPrefix" : "ipAddress": key], at: resource.source)))
            }
        }
    }

    static func buildRouteTables(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/routeTables") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            var table = RouteTableSpec(
                name: resource.name,
                source: props.sourceMap(["disableBgpRoutePropagation": "disableBgpRoutePropagation"], at: resource.source))
            table.disableBgpRoutePropagation = props.bool("disableBgpRoutePropagation") ?? false
            for route in context.children(of: resource, key: "routes", segment: "routes") {
                let p = route.props
                guard let prefixText = p.string("addressPrefix"),
                    let hopType = context.choice(p.string("nextHopType"), NextHopType.self, at: p.location("nextHopType"), "nextHopType")
                else {
                    context.error(.missingField, at: p.location, "route '\(route.name)' needs addressPrefix and nextHopType")
                    continue
                }
                let destination: RouteSpec.Destination
                if prefixText.first?.isNumber == true {
                    guard let prefix = context.prefix(prefixText, at: p.location("addressPrefix"), resource: route.resource) else {
                        continue
                    }
                    destination = .prefix(prefix)
                } else {
                    destination = .serviceTag(prefixText)
                }
                let hop = hopType == .virtualAppliance ? p.address("nextHopIpAddress") : nil
                table.routes.append(
                    RouteSpec(
                        name: route.name, addressPrefix: destination, nextHopType: hopType, nextHopIpAddress: hop,
                        source: p.sourceMap(
                            ["addressPrefix": "addressPrefix", "nextHopType": "nextHopType", "nextHopIpAddress": "nextHopIpAddress"],
                            at: route.resource.source)))
            }
            context.names[AzureResourceID.normalize(resource.id)] = resource.name
            context.design.routeTables.append(table)
        }
    }

    static func buildNatGateways(_ context: AzureBuildContext) {
        for resource in context.resources("Microsoft.Network/natGateways") {
            context.read(resource)
            let props = AzureProps(properties: resource, context: context)
            var ips: [String] = []
            for key in ["publicIpAddresses", "publicIpPrefixes"] {
                for ref in props.strings(key) {
                    if let name = context.name(
                        of: AzureResourceID.normalize(ref.text), from: resource, "properties.\(key)", at: ref.location)
                    {
                        ips.append(name)
                    }
                }
            }
            var nat = NatGatewaySpec(
                name: resource.name, publicIPAddresses: ips,
                source: props.sourceMap(
                    ["publicIPAddresses": "publicIpAddresses", "idleTimeoutInMinutes": "idleTimeoutInMinutes"], at: resource.source))
            if let timeout = props.int("idleTimeoutInMinutes") { nat.idleTimeoutInMinutes = timeout }
            context.names[AzureResourceID.normalize(resource.id)] = resource.name
            context.design.natGateways.append(nat)
        }
    }
}
