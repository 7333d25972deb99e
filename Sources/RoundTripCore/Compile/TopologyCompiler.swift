extension Topology {
    /// Checks a design and resolves every reference.
    ///
    /// - Parameters:
    ///   - design: the design.
    ///   - serviceTags: Azure's service tags from outside the design (the weekly Service Tags file, read by
    ///     `ServiceTagFile` in RoundTripImport). They take precedence over the built-in excerpt; the design's own
    ///     `serviceTags` entries take precedence over them (see ``ServiceTagTable``).
    ///   - strict: treat what a partial design legitimately lacks as errors — today a `VirtualAppliance` next hop that
    ///     nothing in the design owns (by default a finding on the analysis, §16 D10).
    /// - Returns: the topology, with compiler warnings in ``warnings`` (a service tag no table defines is one:
    ///   `unresolved-service-tag`) and configuration findings in ``findings``.
    /// - Throws: ``DesignError`` with every error found (unknown references with did-you-mean, addresses outside
    ///   their subnet, duplicates, overlapping peered address spaces, next hops nobody owns, …).
    public static func compile(
        _ design: Design, serviceTags: ServiceTagTable? = nil, strict: Bool = false
    ) throws(DesignError)
        -> Topology
    {
        var compiler = TopologyCompiler(design, serviceTags: serviceTags)
        compiler.strict = strict
        compiler.run()
        let errors = compiler.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw DesignError(errors) }
        var topology = compiler.topology
        topology.warnings = compiler.diagnostics.filter { $0.severity == .warning }.sorted {
            ($0.location, $0.message) < ($1.location, $1.message)
        }
        return topology
    }
}

/// Name → index for one kind of element, with did-you-mean on misses.
struct NameIndex {
    var kind: String
    var indexes: [String: Int] = [:]
    init(_ kind: String) { self.kind = kind }
}

struct TopologyCompiler {
    let design: Design
    var topology: Topology
    var diagnostics: [Diagnostic] = []
    var publicIPIndex = NameIndex("public IP address")
    var vnetIndex = NameIndex("virtual network")
    var subnetIndex = NameIndex("subnet")
    var routeTableIndex = NameIndex("route table")
    var natIndex = NameIndex("NAT gateway")
    var gatewayIndex = NameIndex("virtual network gateway")
    var onPremIndex = NameIndex("on-premises network")
    var lbIndex = NameIndex("load balancer")
    var firewallIndex = NameIndex("Azure Firewall")
    var ipGroupIndex = NameIndex("IP group")
    var policyIndex = NameIndex("firewall policy")
    /// Each policy's base-policy chain, root first (F23); missing for a policy in a cycle.
    var policyChains: [Int: [Int]] = [:]
    var appGatewayIndex = NameIndex("application gateway")
    var workloadIndex = NameIndex("workload")
    var clusterIndex = NameIndex("Kubernetes cluster")
    var endpointIndex = NameIndex("endpoint")
    var usedPublicIPs: [Int: String] = [:]

    /// Whether a partial design's gaps are errors (`--strict`).
    var strict = false

    init(_ design: Design, serviceTags: ServiceTagTable? = nil) {
        self.design = design
        topology = Topology(
            name: design.name, file: design.file, region: design.region, options: design.options,
            serviceTags: ServiceTagTable(overrides: design.serviceTags, downloaded: serviceTags))
    }

    // MARK: helpers

    mutating func error(_ code: Diagnostic.Code, _ at: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, code, at: at, message, hint: hint))
    }

    mutating func warn(_ code: Diagnostic.Code, _ at: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, code, at: at, message, hint: hint))
    }

    /// Registers a name in one of the compiler's indexes; reports a duplicate. Returns false on duplicate.
    mutating func register(_ name: String, _ index: Int, in path: WritableKeyPath<TopologyCompiler, NameIndex>, at: SourceLocation) -> Bool
    {
        var names = self[keyPath: path]
        // Leave an empty index behind while registering, so `names` is the dictionary's only owner and inserting does
        // not copy it (a copy per name made compiling thousands of elements quadratic).
        self[keyPath: path] = NameIndex(names.kind)
        let fresh = register(name, index, in: &names, at: at)
        self[keyPath: path] = names
        return fresh
    }

    /// Registers a name; reports a duplicate. Returns false on duplicate.
    mutating func register(_ name: String, _ index: Int, in names: inout NameIndex, at: SourceLocation) -> Bool {
        if names.indexes[name] != nil {
            error(.duplicateName, at, "duplicate \(names.kind) name '\(name)'", hint: "names must be unique within their kind")
            return false
        }
        names.indexes[name] = index
        return true
    }

    /// Resolves a reference, reporting an unknown name with a did-you-mean.
    mutating func resolve(_ name: String, in names: NameIndex, at: SourceLocation, context: String) -> Int? {
        if let index = names.indexes[name] { return index }
        error(
            .unknownReference, at, "\(context) names \(names.kind) '\(name)', which the design does not define",
            hint: Suggestion.hint(for: name, in: names.indexes.keys) ?? known(names))
        return nil
    }

    /// How to resolve a service tag no table defines: the closest known tag, then where to get its prefixes.
    func unresolvedTagHint(_ tag: String) -> String {
        let table = topology.serviceTags
        let source =
            table.origins.isEmpty
            ? "load Azure's Service Tags JSON with --service-tags FILE or ROUNDTRIP_SERVICE_TAGS"
            : "it is not in \(table.origins.joined(separator: ", ")); use a newer Service Tags file"
        let fix = "\(source), or define it under serviceTags"
        guard let suggestion = Suggestion.hint(for: tag, in: table.names) else { return fix }
        return "\(suggestion) Otherwise \(fix)"
    }

    func known(_ names: NameIndex) -> String {
        let all = names.indexes.keys.sorted()
        if all.isEmpty { return "the design defines no \(names.kind)" }
        let shown = all.prefix(6).map { "'\($0)'" }.joined(separator: ", ")
        return "known: \(shown)\(all.count > 6 ? ", …" : "")"
    }

    mutating func resolveSubnet(_ reference: String, at: SourceLocation, context: String) -> Int? {
        if let index = subnetIndex.indexes[reference] { return index }
        guard reference.contains("/") else {
            error(
                .badReference, at, "\(context): subnet reference '\(reference)' must be written VNET/SUBNET",
                hint: Suggestion.hint(for: reference, in: subnetIndex.indexes.keys))
            return nil
        }
        return resolve(reference, in: subnetIndex, at: at, context: context)
    }

    // MARK: run

    mutating func run() {
        // Phases run in dependency order. A phase with errors may leave a name registered without its element,
        // so later phases (which index by those names) run only on a clean model: every error of the first
        // failing phase is reported, and nothing ever indexes past an array.
        let phases: [(inout TopologyCompiler) -> Void] = [
            { $0.compilePublicIPs() }, { $0.compileRouteTables() }, { $0.compileNatGateways() }, { $0.compileVNets() },
            { $0.compilePeerings() }, { $0.compileGateways() }, { $0.compileOnPremises() }, { $0.compileWorkloads() },
            { $0.compileBastions() }, { $0.compileSecurityGroups() }, { $0.compilePolicies() }, { $0.compileFirewalls() },
            { $0.compileAppGateways() }, { $0.compileLoadBalancers() }, { $0.compileClusters() },
            { $0.indexAddresses() }, { $0.checkNextHops() }, { $0.compileEndpoints() }, { $0.compileFlows() },
            { $0.compileAssertions() },
        ]
        for phase in phases {
            phase(&self)
            if diagnostics.contains(where: { $0.severity == .error }) { return }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
        topology.peerGraph = PeerGraph(topology)
        topology.privateEndpoints = Array(repeating: [], count: topology.vnets.count)
        for (w, workload) in topology.workloads.enumerated() where workload.kind == .privateEndpoint {
            topology.privateEndpoints[topology.subnets[workload.subnet].vnet].append(w)
        }
        topology.accepted = design.accepted
        topology.effectiveRoutes = topology.subnets.indices.map { EffectiveRoutes.compute(for: $0, in: topology) }
        computeVirtualNetworkTag()
        topology.findings = ConfigAudit.findings(in: topology)
    }
}
